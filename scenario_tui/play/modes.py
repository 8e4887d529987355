"""The two ways to play: feedback after every choice, or none until the debrief.

A module of its own so the catalogue can name the modes without importing the engine (and
networkx) before the first frame.
"""

PRACTICE = "practice"
EXAM = "exam"
TIMED_EXAM = "timed exam"
"""What the catalogue and `--timed` start: an exam play with a countdown on each decision
(`Play.time_limit`; a stored play's mode is "exam")."""
TIME_LIMIT = 120
"""Seconds per decision in a timed exam unless `--timed` says otherwise: the certification
exams' pace, about two minutes a question."""
