"""The Textual user interface: the only part of scenario-tui that imports textual."""
