"""Je rechten: composing, saving and following an AVG request."""
