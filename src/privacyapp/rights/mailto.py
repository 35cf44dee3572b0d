"""``mailto:`` links (RFC 6068) that open the user's own mail app with the letter filled in.

Safety: the address is validated and goes in the path; only ``subject`` and ``body`` are added
as header fields, and both are percent-encoded with nothing left unencoded but RFC 3986's
unreserved characters. So user text with line breaks, ``%0A``, ``?``, ``&``, ``#``, ``=`` or
``cc=``/``bcc=`` can never add a recipient or a header: it stays text inside the body.

Length: some mail clients and browsers cut URLs at about 2,000 characters. A longer letter gets
a short body that asks the user to paste the full letter (it is on the clipboard, or attach the
PDF); ``MailLink.note`` says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from privacyapp.rights._text import one_line
from privacyapp.rights.letter import FOOTER, Letter
from privacyapp.rights.recipient import validate_email

__all__ = ["MAILTO_LIMIT", "MailLink", "mail_link", "mailto_url"]

#: Longest mailto URL we hand to a mail app; longer letters get a short body.
MAILTO_LIMIT = 2000


@dataclass(frozen=True)
class MailLink:
    """A mailto URL and what the user must know about it."""

    url: str
    """The link to open: the full letter, or the short version when the full one is too long."""
    full_url: str
    """The link with the whole letter (equal to ``url`` unless shortened)."""
    shortened: bool
    """True when the body is the short version: the user must paste the full letter."""
    note: str
    """What to tell the user ("" when the full letter is in the link)."""


def _encode(text: str) -> str:
    # safe="" keeps only A-Z a-z 0-9 - . _ ~ ; everything else, incl. & = ? # % and
    # non-ASCII (as UTF-8), is percent-encoded.
    return quote(text, safe="")


def _crlf(text: str) -> str:
    # RFC 6068 section 5: line breaks in the body are CRLF, encoded as %0D%0A.
    return "\r\n".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def mailto_url(to: str, subject: str, body: str) -> str:
    """Build ``mailto:to?subject=…&body=…``.

    The subject is made one line (a header value cannot hold a line break).

    Raises:
        InvalidAddressError: ``to`` is empty or not a valid e-mail address.
    """
    address = validate_email(to)
    return (
        f"mailto:{quote(address, safe='@')}"
        f"?subject={_encode(one_line(subject))}&body={_encode(_crlf(body))}"
    )


def _short_body(letter: Letter) -> str:
    return "\n\n".join(
        [
            "Geachte heer of mevrouw,",
            f"Hierbij stuur ik u mijn brief: {letter.subject}.",
            "[Plak hier de volledige brief: de PrivacyApp heeft hem voor je gekopieerd. Of "
            "voeg de PDF van de brief toe als bijlage.]",
            f"Met vriendelijke groet,\n\n{letter.sender}",
            FOOTER,
        ]
    )


def mail_link(letter: Letter, *, limit: int = MAILTO_LIMIT) -> MailLink:
    """The mailto link for ``letter``; shortened when the full link would exceed ``limit``.

    Raises:
        InvalidAddressError: the letter's recipient has no valid e-mail address.
    """
    full = mailto_url(letter.recipient.email, letter.subject, letter.body)
    if len(full) <= limit:
        return MailLink(full, full, shortened=False, note="")
    short = mailto_url(letter.recipient.email, letter.subject, _short_body(letter))
    return MailLink(
        short,
        full,
        shortened=True,
        note=(
            "Je brief is te lang voor een mail-link. Je mailapp opent met een korte tekst, en "
            "de app kopieert de hele brief: plak hem in de e-mail, of voeg de PDF toe als "
            "bijlage. Je kunt ook de volledige link proberen: veel mailapps kunnen die wel aan."
        ),
    )
