"""Autosave: what an editor types in a step's form or the YAML tab goes into the change set.

Never into what is published: a save is a commit on the change set's own branch, by the editor
(``Studio.save``), with the version the editor read, so the concurrent-edit rule holds (a save
over a newer version is refused, its text kept, and the status says so).

A save happens after :data:`IDLE_SECONDS` without typing, when the editor leaves the form
(another step, the other tab, another screen) and on "Opslaan"; never per keystroke: typing
only marks the form as changed and restarts the idle timer. The status line under the title
says "Opgeslagen om 14:32" or "Niet opgeslagen: …". A save in the background updates the status
and the error summary in place, so the field being typed in keeps its focus.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import flet as ft

from privacyapp.studio import nodes
from privacyapp.studio.errors import EditConflict, StudioError
from privacyapp.studio.model import SaveResult, User
from privacyapp.studio.service import Studio

__all__ = ["CONFLICT_STATUS", "FORM_FIELDS", "IDLE_SECONDS", "Autosave", "Edit", "form_key"]

#: Seconds without typing before the form is saved.
IDLE_SECONDS = 2.0

#: The fields a step's form edits (``form_key(path, node, name)`` in the tab's values).
FORM_FIELDS = (
    "text", "help", "title", "summary", "steps", "explanation", "sources", "next", "intro",
    "choices", "items", "outcomes", "actions",
    # the registry's laws (registry.yaml, one law per "step")
    "short", "kind", "bwb", "celex", "url", "kamerstuk", "checked_at",
)  # fmt: skip

CONFLICT_STATUS = (
    "Niet opgeslagen: iemand anders heeft dit voorstel intussen opgeslagen. Je tekst is bewaard. "
    "Open de nieuwste versie en neem je wijziging over."
)

#: Runs a coroutine function on the page's loop (``kit.tasks.run_task``).
Schedule = Callable[[Callable[[], Awaitable[None]]], object]

_T = TypeVar("_T")


class TabState(Protocol):
    """What autosave reads and keeps of a tab (``context.UIState``, which imports this module)."""

    user: User | None
    values: dict[str, object]
    versions: dict[tuple[int, str], str]
    drafts: dict[tuple[int, str], str]
    conflicts: set[tuple[int, str]]


def form_key(path: str, node: str, name: str) -> str:
    """The key of one form field in the tab's values."""
    return f"{path}#{node}#{name}"


def _local_zone() -> ZoneInfo | None:
    try:
        return ZoneInfo("Europe/Amsterdam")
    except ZoneInfoNotFoundError:  # a machine without time zone data: the clock's own zone
        return None


@dataclass(frozen=True)
class Edit:
    """Where the editor is typing: a change set, a file, and a step (None: the YAML tab)."""

    cs_id: int
    path: str
    node: str | None
    section: str = "nodes"


class Autosave:
    """The pending edit of one tab, its idle timer and its status line."""

    def __init__(
        self, studio: Studio, state: TabState, *, schedule: Schedule | None = None
    ) -> None:
        self.studio = studio
        self.state = state
        self.schedule = schedule
        self.pending: Edit | None = None
        self.status: str | None = None
        self._generation = 0
        self._zone = _local_zone()
        #: The status line and a refresher of the error summary, set by the screen on show.
        self.status_text: ft.Text | None = None
        self.on_saved: Callable[[], None] | None = None
        self.on_update: Callable[[], None] | None = None

    # ------------------------------------------------------------------ typing

    def changed(self, edit: Edit) -> None:
        """The editor typed in ``edit``: save after a pause (or at once on leaving)."""
        if self.pending is not None and self.pending != edit:
            self.flush()  # another step or file: the last one is saved first
        self.pending = edit
        self._generation += 1
        if self.schedule is not None:
            generation = self._generation

            async def later() -> None:
                await asyncio.sleep(IDLE_SECONDS)
                if generation == self._generation and self.pending is not None:
                    self.flush(in_place=True)

            self.schedule(later)

    def tracked(self, edit: Edit, setter: Callable[[_T], None]) -> Callable[[_T], None]:
        """``setter`` that also marks ``edit`` as changed."""

        def run(value: _T) -> None:
            setter(value)
            self.changed(edit)

        return run

    # ------------------------------------------------------------------ saving

    def text_of(self, edit: Edit) -> str | None:
        """The file's new text from what was typed (None: nothing changed)."""
        state = self.state
        if edit.node is None:
            draft: str | None = state.drafts.get((edit.cs_id, edit.path))
            return draft
        changed = {
            name: state.values[form_key(edit.path, edit.node, name)]
            for name in FORM_FIELDS
            if form_key(edit.path, edit.node, name) in state.values
        }
        if not changed:
            return None
        return nodes.update_node(
            self.base_text(edit.cs_id, edit.path), edit.node, changed, section=edit.section
        )

    def base_text(self, cs_id: int, path: str) -> str:
        """The file's text at the version this tab read (what the form started from)."""
        version = self.state.versions.get((cs_id, path))
        if version is not None:
            text = self.studio.repo.read_file(version, path)
            if text is not None:
                return text
        text, current = self.studio.read(cs_id, path)
        self.state.versions.setdefault((cs_id, path), current)
        return text

    def flush(self, *, in_place: bool = False, message: str | None = None) -> bool:
        """Save the pending edit now; True when nothing is left unsaved.

        ``in_place``: a save from the idle timer; it updates the status line and the error
        summary without rebuilding the screen.
        """
        edit = self.pending
        if edit is None:
            return True
        if in_place and (edit.cs_id, edit.path) in self.state.conflicts:
            return False  # after a refused save only Opslaan or leaving tries again
        self.pending = None
        self._generation += 1
        user: User | None = self.state.user
        if user is None:
            return False
        try:
            text = self.text_of(edit)
            if text is None:
                return True
            result = self.save_text(user, edit, text, message=message)
        except EditConflict:
            self.state.conflicts.add((edit.cs_id, edit.path))
            self._set_status(CONFLICT_STATUS, in_place)
            return False
        except StudioError as exc:
            self.pending = edit  # kept: fixing the text saves it again
            self._set_status(f"Niet opgeslagen: {exc}", in_place)
            return False
        at = self.studio.clock()
        local = at.astimezone(self._zone) if self._zone is not None else at
        status = f"Opgeslagen om {local:%H:%M}"
        if result.voided_approvals:
            status += (
                ". Het voorstel is weer een concept: de goedkeuring geldt niet meer voor de "
                "nieuwe tekst"
            )
        if in_place and self.on_saved is not None:
            self.on_saved()  # the error summary first: the status update sends both
        self._set_status(status + ".", in_place)
        return True

    def save_text(self, user: User, edit: Edit, text: str, *, message: str | None) -> SaveResult:
        """One save of ``text`` into the change set, on the version this tab read.

        Raises:
            EditConflict: someone else saved first (the text is kept by the studio).
        """
        key = (edit.cs_id, edit.path)
        version = self.state.versions.get(key) or self.studio.read(edit.cs_id, edit.path)[1]
        who = user.display_name
        what = edit.node or edit.path.rsplit("/", 1)[-1]
        result = self.studio.save(
            user,
            edit.cs_id,
            {edit.path: text},
            expected_version=version,
            message=message or f"{who} wijzigt {what}",
        )
        self.state.versions[key] = result.version
        if edit.node is None:
            self.state.drafts.pop(key, None)
        return result

    def _set_status(self, text: str, in_place: bool) -> None:
        self.status = text
        if in_place and self.status_text is not None:
            self.status_text.value = text
            if self.on_update is not None:
                self.on_update()
