"""The golden walks of a content version: which changed, in Dutch, and their new texts.

The content repository keeps its golden walks (``<flow-id>__<answers>.txt``) in a folder of its
own (``Studio(walks_dir=...)``, by default ``tests/content/walks``: the walks the tests own).
Publishing walks every golden over the merged content (``privacyapp.engine.goldens``); a walk
that gives another text blocks publishing, unless the change set updates that golden too
(then the golden in the merged result is the new text, and the walk matches it). An author
updates them with :func:`updated_goldens` (``Studio.update_walks``); the jurist then reads the
new texts in the diff, like any other change.
"""

from __future__ import annotations

from privacyapp.engine import Library
from privacyapp.engine.goldens import Golden, WalkChange, changed_walks, goldens_from_texts
from privacyapp.studio.gitrepo import GitRepo

__all__ = ["describe_change", "goldens_at", "updated_goldens", "walk_changes"]

_MAX_SHOWN = 80


def goldens_at(repo: GitRepo, commit_or_tree: str) -> list[Golden]:
    """The golden walks at a version (paths in the repository); none without a walks folder."""
    if not repo.walks_dir:
        return []
    files = repo.read_folder(commit_or_tree, repo.walks_dir)
    return [
        Golden(f"{repo.walks_dir}/{g.path}", g.flow_id, g.answers, g.text)
        for g in goldens_from_texts(files)
    ]


def walk_changes(repo: GitRepo, commit_or_tree: str, library: Library) -> list[WalkChange]:
    """The golden walks at a version that its library walks differently."""
    return changed_walks(library, goldens_at(repo, commit_or_tree))


def _short(line: str) -> str:
    line = line.strip()
    return line if len(line) <= _MAX_SHOWN else line[: _MAX_SHOWN - 1] + "…"


def describe_change(change: WalkChange, library: Library) -> str:
    """One line for the editor: the flow, the answers (the path walked), the file, what differs."""
    golden = change.golden
    where = (
        f"Voorbeeldroute van vraag {golden.flow_id} met antwoorden {golden.answers} ({golden.path})"
    )
    if golden.flow_id not in library.flows:
        return f"{where}: de vraag {golden.flow_id} bestaat niet meer."
    if change.result.code != 0 and not change.result.text:
        return f"{where}: de antwoorden passen niet meer bij de stappen ({change.result.error})."
    if change.result.code != 0:
        return f"{where}: de antwoorden zijn op voordat er een advies is. Voeg antwoorden toe."
    number, before, after = change.first_difference()
    return (
        f'{where} geeft nu iets anders. Regel {number} was: "{_short(before)}"; '
        f'nu: "{_short(after)}".'
    )


def updated_goldens(changes: list[WalkChange], library: Library) -> dict[str, str | None]:
    """New texts for the changed golden walks that still run to an advice; None (remove) for
    those whose flow is gone. A walk whose answers no longer fit is left out: someone must
    choose new answers for it (a new file name)."""
    updates: dict[str, str | None] = {}
    for change in changes:
        if change.golden.flow_id not in library.flows:
            updates[change.golden.path] = None
        elif change.result.code == 0:
            updates[change.golden.path] = change.result.text
    return updates
