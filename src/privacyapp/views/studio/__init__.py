"""The editors' studio's Flet UI: a second app root next to ``shell`` (issue 18).

Served by the organisation with ``privacyapp studio``; never part of the citizen app or its
bundle (``flet build`` leaves it out). It takes the kit and the flow wing's player (for the
preview) and the studio's service layer (``privacyapp.studio``); only the CLI imports it.
``context`` is what every screen gets, ``app`` builds the tab and serves it.
"""
