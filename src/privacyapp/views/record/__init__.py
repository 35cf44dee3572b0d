"""Vastleggen voor het dossier: the signing identity, the record form and the signed PDF."""
