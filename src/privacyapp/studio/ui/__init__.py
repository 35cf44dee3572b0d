"""The studio's Flet screens (the only part of the studio that imports flet)."""
