"""Je gemeente: finding a municipality and its contact details."""
