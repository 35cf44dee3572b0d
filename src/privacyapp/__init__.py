"""PrivacyApp ondersteuning en zorg: privacy questions in the Dutch social domain, answered.

The package is layered (DESIGN.md §4): ``engine``, ``dossier``, ``rights``, ``opendata`` and
``content`` are plain Python without UI; ``views`` and ``app`` are the Flet layer; ``cli`` is the
``privacyapp`` command.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
