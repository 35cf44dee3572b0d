"""Asking a question: home, question lists, the flow player, advice, search and emergency."""
