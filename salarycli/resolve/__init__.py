"""Resolution of what a user typed: job titles, places, amounts of money, and the candidates
shell completion offers. Years and level names are the ladder's (core.ladder)."""
