"""Small named widgets that the screens compose."""
