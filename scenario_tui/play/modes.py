"""The two ways to play: feedback after every choice, or none until the debrief.

A module of its own so the catalogue can name the modes without importing the engine (and
networkx) before the first frame.
"""

PRACTICE = "practice"
EXAM = "exam"
