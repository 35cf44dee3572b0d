"""The registry: sectors, audiences, situations, laws and further-help routes.

Everything a flow may name comes from ``flows/registry.yaml``, so a new domain is one entry
there plus a folder, and no code.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

__all__ = ["Audience", "HelpRoute", "Law", "Registry", "SchemaVersion", "Sector", "Situation"]


def _as_int(value: Any) -> Any:
    """YAML gives text; the format version is a number."""
    return int(value) if isinstance(value, str) and value.strip().isdigit() else value


#: The version of the file format; only 1 exists.
SchemaVersion = Annotated[Literal[1], BeforeValidator(_as_int)]


class _Model(BaseModel):
    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        validate_by_alias=True,
        validate_by_name=True,
        serialize_by_alias=True,
    )


class Audience(_Model):
    """Who the user is: inwoner, professional, vertegenwoordiger."""

    label: str
    label_en: str | None = None
    description: str = ""


class Sector(_Model):
    """A domain of the social domain; flows live in ``flows/<sector>/``."""

    label: str
    label_en: str | None = None
    description: str = ""


class Situation(_Model):
    """A group of questions in the list ("Gegevens delen")."""

    label: str
    label_en: str | None = None


class Law(_Model):
    """A law, bill or professional code that sources cite; links are generated from it."""

    title: str
    #: Short name used in citations ("AVG"); the title when absent.
    short: str | None = None
    kind: Literal["bwb", "eu", "bill", "code"]
    bwb: str | None = Field(default=None, pattern=r"^BWBR\d{7}$")
    celex: str | None = None
    kamerstuk: str | None = None
    url: str | None = None
    #: For a bill: the day its parliamentary status was last checked (shown with the citation).
    checked_at: date | None = None

    @model_validator(mode="after")
    def _kind_fields(self) -> Law:
        if self.kind == "bwb" and self.bwb is None:
            raise ValueError('a law of kind "bwb" needs its "bwb" id (BWBR followed by 7 digits)')
        return self

    @property
    def name(self) -> str:
        """The name used in citations."""
        return self.short or self.title


class HelpRoute(_Model):
    """Where to go for more help (Juridisch Loket, AP, your municipality)."""

    title: str
    description: str = ""
    url: str | None = None
    phone: str | None = None
    #: ``municipality``: the app fills in the user's own municipality.
    kind: Literal["municipality"] | None = None
    #: The audiences this route is for (empty: everyone), e.g. the Kindertelefoon for inwoner.
    audiences: tuple[str, ...] = ()


class Registry(_Model):
    """The one list of names that flows may use."""

    format_version: SchemaVersion = Field(alias="schema")
    #: Shown in the app's "about" screen with the content hash.
    content_version: str = "0"
    audiences: dict[str, Audience]
    sectors: dict[str, Sector]
    situations: dict[str, Situation] = Field(default_factory=dict)
    laws: dict[str, Law] = Field(default_factory=dict)
    help: dict[str, HelpRoute] = Field(default_factory=dict)
