"""The editors' studio: edit, preview, review and publish flows without a programmer.

A separate web app for the editorial team (``privacyapp studio``), not part of the citizen app
or its bundle. ``service.Studio`` holds every rule (roles, four eyes, stale approvals, edit
conflicts) on top of ``core``; ``publishing`` publishes; ``storage`` is its SQLite file;
``gitrepo`` the content repository in git; ``diff`` the readable per-node diff. The Flet
screens are in ``privacyapp.views.studio``; nothing here imports flet.
"""

from privacyapp.studio.errors import StudioError
from privacyapp.studio.model import ROLES, STATE_LABELS, ChangeSet, User
from privacyapp.studio.publishing import PublishTarget
from privacyapp.studio.service import Studio

__all__ = ["ROLES", "STATE_LABELS", "ChangeSet", "PublishTarget", "Studio", "StudioError", "User"]
