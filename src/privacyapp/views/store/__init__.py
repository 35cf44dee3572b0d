"""The encrypted store on screen: the app lock (PIN), Mijn overzicht, and the store session
per page (files on desktop/mobile, the browser's storage on web).
"""
