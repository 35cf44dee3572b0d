"""privacyapp.opendata package."""
