"""scenario-tui: a terminal trainer for cloud-architecture decisions."""

__version__ = "0.1.0"
