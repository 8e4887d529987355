"""Authoring support: watching one scenario file as it is written and checking each save."""
