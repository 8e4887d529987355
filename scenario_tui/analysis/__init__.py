"""What is computed over a loaded scenario: validation, lint, path statistics and scoring."""
