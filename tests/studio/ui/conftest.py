"""The studio's screens without a Flet client: helpers to find, type into and click controls."""
