"""The kit every screen is built with: view context and route specs, widgets, theme, state,
services and translation. It imports no other part of ``views/``.
"""
