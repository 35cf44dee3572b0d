"""The shell: the page, app bar and navigation, the one route table, Meer and its text.
The only part of ``views/`` that imports the feature wings.
"""
