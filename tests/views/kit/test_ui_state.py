"""App state: settings survive storage round trips; bad stored values give defaults."""

from __future__ import annotations

from privacyapp.views.kit.state import AppState, Settings


def test_settings_round_trip() -> None:
    settings = Settings(language="en", theme="contrast", text_scale=2.0, audience="professional")
    assert Settings.from_dict(settings.to_dict()) == settings


def test_bad_stored_settings_fall_back_to_defaults() -> None:
    stored = {"language": "klingon", "theme": "neon", "text_scale": 7, "audience": 3, "x": 1}
    assert Settings.from_dict(stored) == Settings()


def test_changed_tells_listeners_and_timeline_keeps_every_session() -> None:
    state = AppState()
    seen: list[str] = []
    state.listen(lambda s: seen.append(s.route))
    state.route = "/meer"
    state.changed()
    assert seen == ["/meer"]
    for value in ("a", "b", "c"):
        state.set_session(value)
    assert state.session == "c"
    assert state.timeline == ["a", "b", "c"]
