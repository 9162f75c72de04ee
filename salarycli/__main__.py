"""`python -m salarycli`."""

from salarycli.console import main

main()
