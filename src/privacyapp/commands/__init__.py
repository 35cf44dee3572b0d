"""Subcommand groups of the ``privacyapp`` command, one module each (see ``privacyapp.cli``)."""
