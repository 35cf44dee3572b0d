"""ICS export: parse back, line folding at 75 octets, escaping, CRLF, alarm."""

from __future__ import annotations

from datetime import UTC, date, datetime

from privacyapp.rights import deadline_event, escape_text, fold_line

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


def _unfold(text: str) -> list[str]:
    assert text.endswith("\r\n")
    raw = text.split("\r\n")[:-1]
    lines: list[str] = []
    for line in raw:
        assert "\n" not in line and "\r" not in line
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def _unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\":
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def _props(text: str) -> dict[str, list[str]]:
    props: dict[str, list[str]] = {}
    for line in _unfold(text):
        name, _, value = line.partition(":")
        props.setdefault(name, []).append(value)
    return props


def _event(**kwargs: object) -> str:
    args: dict[str, object] = {
        "uid": "abc123",
        "due": date(2028, 2, 29),
        "summary": "Termijn inzage: Gemeente Testdorp",
        "description": "Regel 1\nRegel 2",
        "now": NOW,
    }
    args.update(kwargs)
    return deadline_event(**args)  # type: ignore[arg-type]


def test_event_parses_back_with_all_required_parts() -> None:
    props = _props(_event())
    assert props["BEGIN"] == ["VCALENDAR", "VEVENT", "VALARM"]
    assert props["VERSION"] == ["2.0"]
    assert props["UID"] == ["abc123@privacyapp"]
    assert props["DTSTAMP"] == ["20261122T093000Z"]
    assert props["DTSTART;VALUE=DATE"] == ["20280229"]
    assert props["DTEND;VALUE=DATE"] == ["20280301"]
    assert props["TRIGGER"] == ["-P5D"]
    assert props["ACTION"] == ["DISPLAY"]
    assert _unescape(props["DESCRIPTION"][0]) == "Regel 1\nRegel 2"


def test_every_line_is_crlf_and_at_most_75_octets() -> None:
    text = _event(summary="Zéér lange titel met ëën ümlauts " * 10, description="€ " * 300)
    for line in text.split("\r\n")[:-1]:
        assert len(line.encode("utf-8")) <= 75
    assert "\n" not in text.replace("\r\n", "")
    props = _props(text)
    assert _unescape(props["SUMMARY"][0]) == ("Zéér lange titel met ëën ümlauts " * 10).strip()


def test_folding_never_splits_a_utf8_character() -> None:
    line = "SUMMARY:" + "€" * 60
    folded = fold_line(line)
    for part in folded.split("\r\n")[:-1]:
        part.encode("utf-8")  # would fail on a split character only in bytes; check sizes
        assert len(part.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line + "\r\n"


def test_special_characters_are_escaped() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    props = _props(_event(summary="Gemeente A, B; C\\D", description="x\r\ny"))
    assert props["SUMMARY"][0] == "Gemeente A\\, B\\; C\\\\D"
    assert _unescape(props["SUMMARY"][0]) == "Gemeente A, B; C\\D"
    assert _unescape(props["DESCRIPTION"][0]) == "x\ny"


def test_user_text_cannot_add_properties() -> None:
    text = _event(summary="x\r\nATTENDEE:mailto:evil@example.com", description="END:VEVENT")
    props = _props(text)
    assert "ATTENDEE" not in props
    assert props["END"] == ["VALARM", "VEVENT", "VCALENDAR"]


def test_uid_is_sanitised() -> None:
    props = _props(_event(uid="a b\r\nX-EVIL:1"))
    assert props["UID"] == ["abX-EVIL1@privacyapp"]
