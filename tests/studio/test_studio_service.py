"""The studio's rules, in the service layer: roles, four eyes, stale approvals, conflicts."""

from __future__ import annotations

import sqlite3

import pytest
from studiokit import ADVICE_FILE, PASSWORD, edit_explanation

from privacyapp.studio import Studio, User
from privacyapp.studio.errors import (
    ContentHasErrors,
    EditConflict,
    InvalidInput,
    NotAllowed,
    SignInFailed,
    WrongState,
)

NEW_EXPLANATION = (
    "Bij een ondertoezichtstelling moet de gezinsvoogd weten hoe het met het kind gaat. "
    "Vraagt hij erom? Dan geef je hem wat hij nodig heeft. Meer niet."
)


def _edit(studio: Studio, user: User, cs_id: int, new: str = NEW_EXPLANATION) -> str:
    text, version = studio.read(cs_id, ADVICE_FILE)
    return studio.save(
        user, cs_id, {ADVICE_FILE: edit_explanation(text, new)}, expected_version=version
    ).version


def test_a_change_set_is_a_branch_and_each_save_a_commit_by_the_editor(
    studio: Studio, team: dict[str, User]
) -> None:
    cs = studio.new_change_set(team["anna"], "Uitleg gezinsvoogd korter")
    assert cs.state_label == "Concept" and cs.files == ()
    version = _edit(studio, team["anna"], cs.id)
    log = studio.repo.log(studio.repo.head("main") or "", version)
    assert [
        (author, message.startswith("Anna Auteur wijzigt")) for _, author, _, message in log
    ] == [("Anna Auteur", True)]
    # what is published has not changed: the save went into the change set only
    assert "Meer niet." not in (studio.published_text(ADVICE_FILE) or "")
    assert studio.change_set(cs.id).files == (("M", ADVICE_FILE),)


def test_the_whole_workflow_and_the_four_eyes_rule(studio: Studio, team: dict[str, User]) -> None:
    anna, jet, piet = team["anna"], team["jet"], team["piet"]
    cs = studio.new_change_set(anna, "Uitleg gezinsvoogd")
    _edit(studio, anna, cs.id)
    assert studio.submit(anna, cs.id).state_label == "Ter beoordeling"
    with pytest.raises(NotAllowed, match="Alleen een jurist"):
        studio.approve(anna, cs.id)  # an author is no reviewer
    both = studio.add_account("kim", PASSWORD, ["auteur", "jurist"])
    _edit(studio, both, cs.id, NEW_EXPLANATION + " Schrijf het op.")
    studio.submit(both, cs.id)
    with pytest.raises(NotAllowed, match="meegeschreven"):
        studio.approve(both, cs.id)  # a jurist who edited it may not approve it
    with pytest.raises(NotAllowed, match="Alleen een publicist"):
        studio.publish(jet, cs.id)
    with pytest.raises(WrongState):
        studio.publish(piet, cs.id)  # not approved yet
    approved = studio.approve(jet, cs.id)
    assert approved.state_label == "Goedgekeurd" and approved.valid_jurist_approval
    publication = studio.publish(piet, cs.id)
    assert studio.change_set(cs.id).state_label == "Gepubliceerd"
    assert "Schrijf het op." in (studio.published_text(ADVICE_FILE) or "")
    assert publication.content_version == "2026.12.1"  # raised above the shipped 2026.12.0
    actions = [(e.actor, e.action) for e in studio.audit(cs.id)]
    assert actions == [
        ("anna", "voorstel-gemaakt"),
        ("anna", "opgeslagen"),
        ("anna", "ingediend"),
        ("kim", "opgeslagen"),
        ("kim", "ingediend"),
        ("jet", "goedgekeurd"),
        ("piet", "gepubliceerd"),
    ]
    assert studio.verify_audit() is None


def test_an_edit_after_approval_voids_it_and_publishing_is_refused(
    studio: Studio, team: dict[str, User]
) -> None:
    anna, jet, piet = team["anna"], team["jet"], team["piet"]
    cs = studio.new_change_set(anna, "Uitleg gezinsvoogd")
    _edit(studio, anna, cs.id)
    studio.submit(anna, cs.id)
    studio.approve(jet, cs.id)
    text, version = studio.read(cs.id, ADVICE_FILE)
    saved = studio.save(
        anna, cs.id, {ADVICE_FILE: edit_explanation(text, "Nog een andere tekst.")},
        expected_version=version,
    )  # fmt: skip
    assert saved.voided_approvals == 1 and saved.state == "concept"
    after = studio.change_set(cs.id)
    assert [a.valid for a in after.approvals] == [False]
    assert not after.valid_jurist_approval
    with pytest.raises(WrongState):
        studio.publish(piet, cs.id)
    # even if the state were forced back, the stale approval does not count
    with studio.storage.connect() as db:
        studio.storage.set_state(db, cs.id, "goedgekeurd", studio.now())
    with pytest.raises(NotAllowed, match="geen geldige goedkeuring"):
        studio.publish(piet, cs.id)


def test_the_second_of_two_concurrent_saves_is_told_and_its_text_is_kept(
    studio: Studio, team: dict[str, User]
) -> None:
    anna, bram = team["anna"], team["bram"]
    cs = studio.new_change_set(anna, "Twee schrijvers")
    text, version = studio.read(cs.id, ADVICE_FILE)  # both open the same version
    first = studio.save(
        anna, cs.id, {ADVICE_FILE: edit_explanation(text, "Tekst van Anna.")},
        expected_version=version,
    )  # fmt: skip
    brams_text = edit_explanation(text, "Tekst van Bram.")
    with pytest.raises(EditConflict) as refused:
        studio.save(bram, cs.id, {ADVICE_FILE: brams_text}, expected_version=version)
    assert refused.value.current_version == first.version
    assert "Tekst van Anna." in studio.read(cs.id, ADVICE_FILE)[0]  # Anna's save stands
    kept = studio.conflict(cs.id, refused.value.conflict_id)
    assert (kept.author, kept.text) == ("bram", brams_text)  # Bram's is not lost
    # on top of the newest version, Bram's save goes through
    again = studio.save(bram, cs.id, {ADVICE_FILE: brams_text}, expected_version=first.version)
    assert again.version != first.version
    assert studio.change_set(cs.id).editors == ("anna", "bram")


def test_errors_are_located_block_submitting_and_warnings_do_not(
    studio: Studio, team: dict[str, User]
) -> None:
    anna = team["anna"]
    cs = studio.new_change_set(anna, "Een fout")
    text, version = studio.read(cs.id, ADVICE_FILE)
    broken = text.replace("{law: jeugdwet,", "{law: jeugwet,", 1)
    saved = studio.save(anna, cs.id, {ADVICE_FILE: broken}, expected_version=version)
    codes = [(d.path, d.code) for d in saved.errors]
    assert (ADVICE_FILE, "unknown-law") in codes  # kept, with the place of the problem
    assert saved.errors[0].line > 1
    with pytest.raises(ContentHasErrors) as refused:
        studio.submit(anna, cs.id)
    assert "unknown-law" in refused.value.diagnostics[0]
    fixed = studio.save(anna, cs.id, {ADVICE_FILE: text.replace(
        "Schrijf in het dossier op wat je deelde, met wie en waarom.",
        "Schrijf in het dossier op wat je deelde, met wie en waarom. Dit moet conform het "
        "protocol geschieden.",
        1,
    )}, expected_version=saved.version)  # fmt: skip
    assert not fixed.errors
    jargon = [d for d in fixed.diagnostics if d.code == "jargon"]
    assert [(d.path, '"conform" is official language') for d in jargon] == [
        (ADVICE_FILE, jargon[0].message)
    ]  # the B1 check of `flows check`: a warning, located in the edited file
    assert studio.submit(anna, cs.id).state_label == "Ter beoordeling"


def test_request_changes_needs_a_reason_and_returns_to_the_author(
    studio: Studio, team: dict[str, User]
) -> None:
    anna, jet = team["anna"], team["jet"]
    cs = studio.new_change_set(anna, "Uitleg")
    _edit(studio, anna, cs.id)
    studio.submit(anna, cs.id)
    with pytest.raises(InvalidInput, match="reden"):
        studio.request_changes(jet, cs.id, "  ")
    back = studio.request_changes(jet, cs.id, "Noem ook artikel 7.3.8.")
    assert back.state_label == "Wijzigingen gevraagd"
    assert [(c.author, c.kind, c.text) for c in back.comments] == [
        ("jet", "wijzigingen-gevraagd", "Noem ook artikel 7.3.8.")
    ]
    with pytest.raises(WrongState):
        studio.approve(jet, cs.id)
    studio.comment(jet, cs.id, "Deze stap is goed.", path=ADVICE_FILE, node="advies-geven")
    assert studio.change_set(cs.id).comments[-1].node == "advies-geven"
    assert studio.submit(anna, cs.id).state_label == "Ter beoordeling"


def test_accounts_sign_in_sessions_and_roles(studio: Studio, team: dict[str, User]) -> None:
    token, user = studio.sign_in("Anna", PASSWORD)
    assert user.name == "anna" and studio.session_user(token).name == "anna"
    with pytest.raises(SignInFailed, match="klopt niet"):
        studio.sign_in("anna", "fout wachtwoord!!")
    with pytest.raises(SignInFailed, match="klopt niet"):
        studio.sign_in("niemand", PASSWORD)  # the same message: no hint which name exists
    with pytest.raises(NotAllowed):
        studio.add_account("nieuw", PASSWORD, ["auteur"], by=team["anna"])
    with pytest.raises(InvalidInput, match="te kort"):
        studio.add_account("nieuw", "kort", ["auteur"], by=team["bea"])
    with pytest.raises(InvalidInput, match="Onbekende rol"):
        studio.add_account("nieuw", PASSWORD, ["redacteur"], by=team["bea"])
    studio.update_account(team["bea"], "anna", active=False)
    with pytest.raises(SignInFailed):
        studio.session_user(token)  # blocked: signed out at once
    with pytest.raises(NotAllowed, match="jezelf"):
        studio.update_account(team["bea"], "bea", roles=["auteur"])
    with studio.storage.connect() as db:
        stored = studio.storage.account_by_name(db, "jet")
    assert stored is not None and stored.password_hash.startswith("argon2id$v=1$m=64,t=1,p=1$")
    assert PASSWORD not in stored.password_hash


def test_a_session_ends_after_inactivity(studio: Studio, team: dict[str, User]) -> None:
    from datetime import timedelta

    token, _ = studio.sign_in("jet", PASSWORD)
    studio.idle = timedelta(seconds=2)  # the test clock ticks one second per call
    studio.session_user(token)
    with pytest.raises(SignInFailed, match="afgemeld"):
        for _ in range(5):
            studio.session_user(token)
            studio.clock()
            studio.clock()


def test_the_audit_log_is_append_only(studio: Studio, team: dict[str, User]) -> None:
    studio.new_change_set(team["anna"], "Iets")
    with studio.storage.connect() as db, pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE audit SET actor = 'iemand'")
    with studio.storage.connect() as db, pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM audit")
    assert studio.verify_audit() is None
    entries = studio.audit()
    assert [e.action for e in entries][-1] == "voorstel-gemaakt"


def test_paths_outside_the_content_are_refused(studio: Studio, team: dict[str, User]) -> None:
    cs = studio.new_change_set(team["anna"], "Pad")
    _, version = studio.read(cs.id, ADVICE_FILE)
    for bad in ("../etc/passwd.yaml", "/flows/x.yaml", "flows/.git/config.yaml", "flows/x.py"):
        with pytest.raises(InvalidInput):
            studio.save(team["anna"], cs.id, {bad: "x"}, expected_version=version)


def test_restoring_a_published_version_makes_a_new_change_set(
    studio: Studio, team: dict[str, User]
) -> None:
    anna, jet, piet = team["anna"], team["jet"], team["piet"]
    original = studio.published_text(ADVICE_FILE)
    cs = studio.new_change_set(anna, "Eerste")
    _edit(studio, anna, cs.id)
    studio.submit(anna, cs.id)
    studio.approve(jet, cs.id)
    first = studio.publish(piet, cs.id)
    cs2 = studio.new_change_set(anna, "Tweede")
    _edit(studio, anna, cs2.id, "Een tweede tekst over de gezinsvoogd.")
    studio.submit(anna, cs2.id)
    studio.approve(jet, cs2.id)
    studio.publish(piet, cs2.id)
    assert [p.content_version for p in studio.history()] == ["2026.12.2", "2026.12.1"]
    restore = studio.restore(piet, first.id)
    assert restore.state_label == "Concept" and restore.restored_from == first.id
    text, _ = studio.read(restore.id, ADVICE_FILE)
    assert NEW_EXPLANATION in text and text != original
    # history is never rewritten: the main branch still has both publications
    assert "tweede tekst" in (studio.published_text(ADVICE_FILE) or "")


def test_the_review_diff_of_a_change_set(studio: Studio, team: dict[str, User]) -> None:
    cs = studio.new_change_set(team["anna"], "Bron erbij")
    text, version = studio.read(cs.id, ADVICE_FILE)
    new = edit_explanation(text, NEW_EXPLANATION).replace(
        "    sources:\n", '    sources:\n      - {law: jeugdwet, article: "7.3.8"}\n', 1
    )
    studio.save(team["anna"], cs.id, {ADVICE_FILE: new}, expected_version=version)
    [diff] = studio.diff(cs.id)
    assert diff.path == ADVICE_FILE
    assert diff.sentences() == [
        "Advies advies-geven: uitleg gewijzigd; bron toegevoegd: Jeugdwet art. 7.3.8"
    ]
