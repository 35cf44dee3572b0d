"""privacyapp.engine package."""
