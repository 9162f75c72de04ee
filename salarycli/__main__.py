"""`python -m salarycli`."""

from salarycli.cli import main

main()
