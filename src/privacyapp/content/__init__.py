"""privacyapp.content package."""
