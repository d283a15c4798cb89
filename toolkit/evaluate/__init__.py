"""Evaluation against public gold formats: one scorer per module, each with ``main(argv)``."""
