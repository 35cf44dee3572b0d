"""privacyapp.views package."""
