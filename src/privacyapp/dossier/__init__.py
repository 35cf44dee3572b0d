"""privacyapp.dossier package."""
