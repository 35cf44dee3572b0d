"""privacyapp.rights package."""
