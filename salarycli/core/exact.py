"""Exact rational arithmetic for estimates and tax returns: quicktions' Fraction (the standard
library's fractions.Fraction compiled with Cython: the same values, about twice as fast), or
the standard library's where quicktions is not installed."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the same API; the type checker reads the standard library's
    from fractions import Fraction
else:
    try:
        from quicktions import Fraction
    except ImportError:  # pragma: no cover - a platform without its wheel
        from fractions import Fraction

__all__ = ["Fraction"]
