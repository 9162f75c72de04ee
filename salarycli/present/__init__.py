"""Presentation: the one output path (render), tables and charts (table), and what each command
shows (views)."""
