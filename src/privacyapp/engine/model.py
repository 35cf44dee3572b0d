"""The flow model: a flow, its nodes, sources and actions (typed and immutable).

Every value is checked when a flow is built, so code that holds a ``Flow`` can trust it. Names
that refer to other things (node ids, registry keys, flows) are checked by ``checks``, which can
point at the line where they are written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from privacyapp.engine.registry import Registry, SchemaVersion

__all__ = [
    "ID_PATTERN",
    "Action",
    "AdviceNode",
    "Answer",
    "ChecklistItem",
    "ChecklistNode",
    "Choice",
    "Contact",
    "Condition",
    "Flow",
    "InfoNode",
    "Link",
    "Node",
    "Outcome",
    "QuestionNode",
    "RequestKind",
    "RepresentativeRole",
    "Review",
    "ReviewCheck",
    "Source",
    "eurlex_article_url",
]

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_SEMVER = r"^\d+\.\d+\.\d+$"

RequestKind = Literal[
    "inzage",
    "rectificatie",
    "verwijdering",
    "beperking",
    "overdraagbaarheid",
    "bezwaar",
    "vernietiging",
    "klacht-organisatie",
    "klacht-ap",
]


#: The role of a representative when a rights request is written for someone else; the same
#: values as ``privacyapp.rights.Role`` (the engine does not import rights).
RepresentativeRole = Literal["ouder", "voogd", "curator", "mentor"]

#: EUR-Lex opens one article of a regulation with this address: the HTML text of the act in
#: Dutch, scrolled to the article's anchor (``art_15``). The bare ELI address opens the act at
#: its recitals, whose numbers repeat the articles' numbers.
EURLEX_ARTICLE_URL = (
    "https://eur-lex.europa.eu/legal-content/NL/TXT/HTML/?uri=CELEX:{celex}#art_{article}"
)
#: A bill's parliamentary dossier (every Kamerstuk of the bill) on officielebekendmakingen.nl.
DOSSIER_URL = "https://zoek.officielebekendmakingen.nl/dossier/{kamerstuk}"
_ARTICLE_NUMBER = re.compile(r"^\d+$")


def eurlex_article_url(celex: str, article: str) -> str | None:
    """The EUR-Lex address that opens one article (a plain number such as ``15``), else None."""
    number = article.strip()
    if not celex or not _ARTICLE_NUMBER.match(number):
        return None
    return EURLEX_ARTICLE_URL.format(celex=celex, article=number)


class Answer(StrEnum):
    """An answer to a checklist item."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        """The Dutch label shown to users."""
        return _ANSWER_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Answer:
        """Read an answer from ``yes``/``ja``/``1``, ``no``/``nee``/``2``, ``unknown``/``3``...

        Raises:
            ValueError: when the text is not an answer.
        """
        key = " ".join(text.strip().casefold().split())
        for answer, words in _ANSWER_WORDS.items():
            if key in words:
                return answer
        raise ValueError(f'"{text}" is not an answer; use ja, nee or weet ik niet (1, 2 or 3)')


_ANSWER_LABELS = {Answer.YES: "ja", Answer.NO: "nee", Answer.UNKNOWN: "weet ik niet"}
_ANSWER_WORDS = {
    Answer.YES: {"yes", "ja", "1", "j", "y"},
    Answer.NO: {"no", "nee", "2", "n"},
    Answer.UNKNOWN: {"unknown", "weet ik niet", "weet niet", "3", "?", "onbekend"},
}


class _Model(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        validate_by_alias=True,
        validate_by_name=True,
        serialize_by_alias=True,
    )


class Source(_Model):
    """A legal source: a law from the registry and an article; links are generated."""

    law: str
    article: str | None = None
    paragraph: str | None = None
    #: Overrides the registry's BWB id (rarely needed).
    bwb: str | None = Field(default=None, pattern=r"^BWBR\d{7}$")
    note: str | None = None

    def citation(self, registry: Registry) -> str:
        """A readable citation, e.g. ``Jeugdwet, artikel 7.3.11 lid 4``."""
        law = registry.laws.get(self.law)
        text = law.name if law is not None else self.law
        if self.article:
            text += f", artikel {self.article}"
            if self.paragraph:
                text += f" lid {self.paragraph}"
        return text

    def url(self, registry: Registry) -> str | None:
        """A link that opens the cited article where the link form allows it.

        Dutch law: wetten.overheid.nl at the article (JCI 1.3; the lid stays in the citation
        text only). EU law: EUR-Lex at the article's anchor when the article is a plain number,
        else the registry URL. A bill: the registry URL, else its parliamentary dossier.
        """
        law = registry.laws.get(self.law)
        if law is None:
            return None
        bwb = self.bwb or law.bwb
        if law.kind == "bwb" and bwb is not None:
            url = f"https://wetten.overheid.nl/jci1.3:c:{bwb}"
            return f"{url}&artikel={self.article}" if self.article else url
        if law.kind == "eu" and law.celex and self.article:
            return eurlex_article_url(law.celex, self.article) or law.url
        if law.kind == "bill" and law.url is None and law.kamerstuk:
            return DOSSIER_URL.format(kamerstuk=law.kamerstuk)
        return law.url


class Choice(_Model):
    """One choice of a question."""

    label: str = Field(min_length=1)
    next: str
    help: str | None = None


class QuestionNode(_Model):
    """One question with a single choice; each choice leads to a node."""

    type: Literal["question"]
    #: The node's id: the key it has in ``nodes`` (filled in by the flow).
    id: str = ""
    use: str | None = None
    #: The fields a municipality may adapt in its overlay (see ``privacyapp.engine.overlays``).
    adaptable: tuple[str, ...] | None = None
    #: True: no municipality may adapt any part of this node (a legal conclusion).
    locked: bool | None = None
    text: str = Field(min_length=1)
    help: str | None = None
    choices: tuple[Choice, ...] = Field(min_length=1)


class InfoNode(_Model):
    """An explanation step; the user reads it and goes on to ``next``."""

    type: Literal["info"]
    id: str = ""
    use: str | None = None
    #: The fields a municipality may adapt in its overlay (see ``privacyapp.engine.overlays``).
    adaptable: tuple[str, ...] | None = None
    #: True: no municipality may adapt any part of this node (a legal conclusion).
    locked: bool | None = None
    title: str = Field(min_length=1)
    text: str = Field(min_length=1)
    next: str


class ChecklistItem(_Model):
    """One checklist question, answered ja / nee / weet ik niet (with an optional note)."""

    id: str = Field(pattern=ID_PATTERN)
    text: str = Field(min_length=1)
    help: str | None = None


class Condition(_Model):
    """A declarative rule over checklist answers: exactly one form is given.

    ``{all: A}``, ``{any: A}``, ``{none: A}``, ``{item: ID, is: A}``, ``{count: A, min: N}`` or
    the word ``otherwise`` (written as a plain string in YAML).
    """

    all_: Answer | None = Field(default=None, alias="all")
    any_: Answer | None = Field(default=None, alias="any")
    none_: Answer | None = Field(default=None, alias="none")
    item: str | None = None
    is_: Answer | None = Field(default=None, alias="is")
    count: Answer | None = None
    min: int | None = Field(default=None, ge=1)
    otherwise: bool = False

    @model_validator(mode="before")
    @classmethod
    def _otherwise(cls, data: Any) -> Any:
        if isinstance(data, str):
            if data.strip() == "otherwise":
                return {"otherwise": True}
            raise ValueError(
                f'"{data}" is not a rule; use {{all: yes}}, {{any: no}}, {{none: unknown}}, '
                "{item: ID, is: yes}, {count: no, min: 2} or otherwise"
            )
        return data

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        forms = [
            self.all_ is not None,
            self.any_ is not None,
            self.none_ is not None,
            self.item is not None or self.is_ is not None,
            self.count is not None or self.min is not None,
            self.otherwise,
        ]
        if sum(forms) != 1:
            raise ValueError(
                "a rule has exactly one form: {all: A}, {any: A}, {none: A}, "
                "{item: ID, is: A}, {count: A, min: N} or otherwise"
            )
        if (self.item is None) != (self.is_ is None):
            raise ValueError('a rule on one item needs both "item" and "is"')
        if (self.count is None) != (self.min is None):
            raise ValueError('a counting rule needs both "count" and "min"')
        return self

    def matches(self, answers: Mapping[str, Answer]) -> bool:
        """Whether the answers (item id -> answer) satisfy this rule."""
        values = list(answers.values())
        if self.all_ is not None:
            return bool(values) and all(v is self.all_ for v in values)
        if self.any_ is not None:
            return any(v is self.any_ for v in values)
        if self.none_ is not None:
            return all(v is not self.none_ for v in values)
        if self.item is not None:
            return answers.get(self.item) is self.is_
        if self.count is not None and self.min is not None:
            return sum(1 for v in values if v is self.count) >= self.min
        return self.otherwise

    def describe(self) -> str:
        """A short text for editors, e.g. ``all yes`` or ``item schade is no``."""
        if self.all_ is not None:
            return f"all {self.all_.value}"
        if self.any_ is not None:
            return f"any {self.any_.value}"
        if self.none_ is not None:
            return f"none {self.none_.value}"
        if self.item is not None and self.is_ is not None:
            return f"item {self.item} is {self.is_.value}"
        if self.count is not None:
            return f"at least {self.min} {self.count.value}"
        return "otherwise"


class Outcome(_Model):
    """Where a checklist leads when its rule matches (first match wins)."""

    when: Condition
    next: str


class ChecklistNode(_Model):
    """Items answered yes / no / unknown; outcomes pick the next node."""

    type: Literal["checklist"]
    id: str = ""
    use: str | None = None
    #: The fields a municipality may adapt in its overlay (see ``privacyapp.engine.overlays``).
    adaptable: tuple[str, ...] | None = None
    #: True: no municipality may adapt any part of this node (a legal conclusion).
    locked: bool | None = None
    title: str = Field(min_length=1)
    intro: str | None = None
    items: tuple[ChecklistItem, ...] = Field(min_length=1)
    outcomes: tuple[Outcome, ...] = Field(min_length=1)

    def outcome(self, answers: Mapping[str, Answer]) -> str:
        """The node id the first matching rule leads to (the last rule is ``otherwise``)."""
        for rule in self.outcomes:
            if rule.when.matches(answers):
                return rule.next
        return self.outcomes[-1].next


class Action(_Model):
    """Something the user can do from an advice."""

    kind: Literal["link", "rights-request", "municipality", "checklist", "flow"]
    label: str = Field(min_length=1)
    url: str | None = Field(default=None, pattern=r"^https://")
    request: RequestKind | None = None
    #: A rights request written for someone the user represents, in this role: the request
    #: screen then starts in "for my child / the person I represent" mode.
    on_behalf: RepresentativeRole | None = None
    flow: str | None = None

    @model_validator(mode="after")
    def _fields_for_kind(self) -> Action:
        needed = {"link": "url", "rights-request": "request", "checklist": "flow", "flow": "flow"}
        field_name = needed.get(self.kind)
        if field_name is not None and getattr(self, field_name) is None:
            raise ValueError(f'an action of kind "{self.kind}" needs "{field_name}"')
        if self.on_behalf is not None and self.kind != "rights-request":
            raise ValueError('"on_behalf" belongs to an action of kind "rights-request"')
        return self


class Contact(_Model):
    """A person or desk to contact (often local: a municipality's privacy officer)."""

    name: str = Field(min_length=1)
    phone: str | None = None
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    url: str | None = Field(default=None, pattern=r"^https://")
    note: str | None = None

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if self.phone is None and self.email is None and self.url is None:
            raise ValueError('a contact needs at least one of "phone", "email" or "url"')
        return self


class Link(_Model):
    """An extra link shown with an advice (often a municipality's own page)."""

    label: str = Field(min_length=1)
    url: str = Field(pattern=r"^https://")


class AdviceNode(_Model):
    """An end of the flow: what you can do, why, the sources and where to get more help."""

    type: Literal["advice"]
    id: str = ""
    use: str | None = None
    #: The fields a municipality may adapt in its overlay (see ``privacyapp.engine.overlays``).
    adaptable: tuple[str, ...] | None = None
    #: True: no municipality may adapt any part of this node (a legal conclusion).
    locked: bool | None = None
    title: str = Field(min_length=1)
    summary: str | None = None
    steps: tuple[str, ...] = Field(min_length=1)
    explanation: str = Field(min_length=1)
    sources: tuple[Source, ...] = ()
    help: tuple[str, ...] = ()
    actions: tuple[Action, ...] = ()
    #: Words search also finds for this advice ("school", "huisarts"), like a flow's tags.
    tags: tuple[str, ...] = ()
    #: People or desks to contact (a municipality may give its own in an overlay).
    contacts: tuple[Contact, ...] | None = None
    #: Extra links (a municipality may add its own pages in an overlay).
    links: tuple[Link, ...] | None = None


Node = Annotated[QuestionNode | InfoNode | ChecklistNode | AdviceNode, Field(discriminator="type")]


class ReviewCheck(_Model):
    """One check of the content against law texts: who read which sources, in which version."""

    by: str = Field(min_length=1)
    at: date
    #: True when the reader did not write the text (an independent legal reading).
    independent: bool
    #: What was read, e.g. "Jeugdwet 7.3.9 en 7.3.15 lid 1-2".
    sources: tuple[str, ...] = Field(min_length=1)
    #: Which text of the law was read, e.g. "wetten.overheid.nl, geldend op 2026-12-01" or
    #: "statengeneraal/laws-markdown, tekst van ca. 2015".
    text_version: str = Field(min_length=1)


class Review(_Model):
    """Who reviewed the content and when (required to publish)."""

    reviewed_by: str = Field(min_length=1)
    reviewed_at: date
    sources_checked: tuple[str, ...] = ()
    #: True when the authors (the editors) checked their own text: recorded as such.
    self_review: bool | None = None
    #: Each reading of the law texts, with who, when and which version of the text.
    checks: tuple[ReviewCheck, ...] = ()
    #: What could not be checked, and why.
    not_verified: tuple[str, ...] = ()


class Flow(_Model):
    """One flow: metadata and its nodes (fragments applied, variants expanded)."""

    format_version: SchemaVersion = Field(alias="schema")
    id: str = Field(pattern=ID_PATTERN)
    #: The flow this one is a variant of (already applied).
    extends: str | None = None
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    audience: tuple[str, ...] = Field(min_length=1)
    sector: str
    situations: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    status: Literal["draft", "review", "published"]
    version: str = Field(pattern=_SEMVER)
    owner: str = Field(min_length=1)
    review: Review | None = None
    valid_from: date | None = None
    start: str
    nodes: dict[str, Node] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _node_ids(cls, data: Any) -> Any:
        """Give each node its key as ``id`` (nodes are written as a mapping id -> node)."""
        if isinstance(data, dict) and isinstance(data.get("nodes"), dict):
            nodes = {}
            for key, node in data["nodes"].items():
                if isinstance(node, dict) and "id" not in node:
                    node = {**node, "id": key}
                nodes[key] = node
            data = {**data, "nodes": nodes}
        return data

    def node(self, node_id: str) -> QuestionNode | InfoNode | ChecklistNode | AdviceNode:
        """The node with this id (KeyError when absent)."""
        return self.nodes[node_id]
