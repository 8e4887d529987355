"""Reading and writing the scenario format: safe YAML, loader, model, graph formats, starter."""
