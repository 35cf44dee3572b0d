"""Autosave: what an editor types in a step's form or the YAML tab goes into the change set.

Never into what is published: a save is a commit on the change set's own branch, by the editor
(``Studio.save``), with the version the editor read, so the concurrent-edit rule holds (a save
over a newer version is refused, its text kept, and the status says so).

A save happens after :data:`IDLE_SECONDS` without typing, when the editor leaves the form
(another step, the other tab, another screen) and on "Opslaan"; never per keystroke: typing
only marks the form as changed and restarts the idle timer. The status line under the title
says "Opgeslagen om 14:32" or "Niet opgeslagen: …". A save in the background updates the status
and the error summary in place, so the field being typed in keeps its focus.

A change to a building block (``flows/_fragments``) that flows use is never saved by itself:
it is *held* (:class:`Held`, with every flow it reaches and what changes there) and the status
says "Nog niet opgeslagen: kies hieronder …" until the editor chooses (:meth:`Autosave.decide`):
change it everywhere, or copy the new text into one flow only. A building block that no flow
uses saves as any other file.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import flet as ft

from privacyapp.studio import nodes
from privacyapp.studio.clusters import FlowImpact, FragmentImpact
from privacyapp.studio.errors import EditConflict, StudioError
from privacyapp.studio.model import SaveResult, User
from privacyapp.studio.service import Studio

__all__ = [
    "CONFLICT_STATUS",
    "FORM_FIELDS",
    "HELD_STATUS",
    "IDLE_SECONDS",
    "Autosave",
    "Edit",
    "Held",
    "form_key",
]

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

HELD_STATUS = "Nog niet opgeslagen: kies hieronder waar de wijziging moet gelden."

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
    held: dict[tuple[int, str], Held]


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


@dataclass(frozen=True)
class Held:
    """A building block's new text that waits for the editor's choice: flows use it."""

    edit: Edit
    #: The whole fragments file as it would be saved.
    text: str
    #: Every changed building block that flows use, with those flows.
    impact: tuple[FragmentImpact, ...]

    @property
    def flows(self) -> list[FlowImpact]:
        """Every flow the change reaches, once (its steps from every changed block)."""
        found: dict[str, FlowImpact] = {}
        for fragment in self.impact:
            for flow in fragment.flows:
                seen = found.get(flow.flow_id)
                nodes_ = flow.nodes if seen is None else (*seen.nodes, *flow.nodes)
                found[flow.flow_id] = replace(seen or flow, nodes=tuple(dict.fromkeys(nodes_)))
        return list(found.values())


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
        #: Shows the fragment panel in place after a change was held (set by the editor).
        self.on_held: Callable[[], None] | None = None
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
        held = state.held.get((edit.cs_id, edit.path))  # other blocks' held changes stay
        base = held.text if held is not None else self.base_text(edit.cs_id, edit.path)
        return nodes.update_node(base, edit.node, changed, section=edit.section)

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
            result = self.save_or_hold(user, edit, text, message=message)
        except EditConflict:
            self.state.conflicts.add((edit.cs_id, edit.path))
            self.state.held.pop((edit.cs_id, edit.path), None)
            self._set_status(CONFLICT_STATUS, in_place)
            return False
        except StudioError as exc:
            self.pending = edit  # kept: fixing the text saves it again
            self._set_status(f"Niet opgeslagen: {exc}", in_place)
            return False
        if result is None:  # a building block that flows use: the editor chooses first
            if in_place and self.on_held is not None:
                self.on_held()
            self._set_status(HELD_STATUS, in_place)
            return False
        status = self._saved_at(result)
        if in_place and self.on_saved is not None:
            self.on_saved()  # the error summary first: the status update sends both
        self._set_status(status + ".", in_place)
        return True

    def _saved_at(self, result: SaveResult) -> str:
        """ "Opgeslagen om 14:32" (and that an approval no longer counts), without a full stop."""
        at = self.studio.clock()
        local = at.astimezone(self._zone) if self._zone is not None else at
        status = f"Opgeslagen om {local:%H:%M}"
        if result.voided_approvals:
            status += (
                ". Het voorstel is weer een concept: de goedkeuring geldt niet meer voor de "
                "nieuwe tekst"
            )
        return status

    def save_or_hold(
        self, user: User, edit: Edit, text: str, *, message: str | None
    ) -> SaveResult | None:
        """Save ``text``, unless it changes a building block that flows use: then it is held
        for the editor's choice (None; the fragment panel shows it)."""
        key = (edit.cs_id, edit.path)
        if nodes.section_of(edit.path) == "fragments":
            impact = self.studio.fragment_impact(edit.cs_id, edit.path, text)
            used = tuple(i for i in impact if i.flows)
            if used:
                self.state.held[key] = Held(edit, text, used)
                return None
        self.state.held.pop(key, None)
        return self.save_text(user, edit, text, message=message)

    def decide(self, cs_id: int, path: str, only_flow: str | None) -> None:
        """The editor's choice for a held building block: change it everywhere (None), or
        copy the new text into ``only_flow`` only (the building block stays as it is).

        Raises:
            EditConflict: someone else saved first (the text is kept by the studio).
            StudioError: the service refused (shown in the error summary).
        """
        key = (cs_id, path)
        if self.pending is not None and (self.pending.cs_id, self.pending.path) == key:
            self.flush()  # typed after the panel showed: held again with that text first
        held, user = self.state.held.get(key), self.state.user
        if held is None or user is None:
            return
        version = self.state.versions.get(key) or self.studio.read(cs_id, path)[1]
        try:
            result = self.studio.save_fragment(
                user, cs_id, path, held.text, expected_version=version, only_flow=only_flow
            )
        except EditConflict:
            self.state.conflicts.add(key)
            self.state.held.pop(key, None)
            self.status = CONFLICT_STATUS
            raise
        del self.state.held[key]
        self.state.drafts.pop(key, None)
        for file in result.paths:
            self.state.versions[(cs_id, file)] = result.version
        self.state.versions[key] = result.version
        if only_flow is None:
            count = len(held.flows)
            flows = "1 vragenlijst" if count == 1 else f"{count} vragenlijsten"
            self.status = f"{self._saved_at(result)}. De bouwsteen is overal gewijzigd: in {flows}."
            return
        for name in [k for k in self.state.values if k.startswith(f"{path}#")]:
            del self.state.values[name]  # the form shows the unchanged building block again
        title = next((f.title for f in held.flows if f.flow_id == only_flow), only_flow)
        self.status = (
            f'{self._saved_at(result)}. Alleen de vragenlijst "{title}" heeft de nieuwe tekst. '
            "De bouwsteen zelf is niet gewijzigd."
        )

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
