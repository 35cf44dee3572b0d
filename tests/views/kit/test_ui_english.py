"""Guards for the English UI: no user-visible literal in a views module, a complete catalog.

Every word the user reads goes through ``ctx.t(...)`` (see ``privacyapp.views.kit.i18n``), so that
the English UI is English. The first test reads the source of every ``src/privacyapp/views``
module and fails on a string constant that looks like UI text; the catalog tests check that
every Dutch key has its own English text.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import privacyapp.views
from privacyapp.views.kit import i18n

VIEWS = Path(privacyapp.views.__file__).parent

#: Modules that hold Dutch on purpose, with the reason.
NOT_UI: dict[str, str] = {
    "rights/service_text.py": "the rights service's Dutch messages as patterns, matched to pick the"
    " English text; never shown as such",
}

#: The editors' studio is a separate app for Dutch editorial teams, in Dutch only
#: (docs/studio.md); the citizen app's two languages do not apply to it.
STUDIO = "studio/"

#: Literals that may stay, with the reason (module, text).
ALLOWED: dict[tuple[str, str], str] = {
    ("rights/parts.py", "gemeente"): "a radio button's value, not its label",
    ("rights/parts.py", "organisatie"): "a radio button's value, not its label",
    ("kit/tasks.py", "Session closed"): "Flet's own error message, matched, never shown",
    ("kit/tasks.py", "destroyed session"): "Flet's own error message, matched, never shown",
}

#: Keys whose English text is the Dutch text, on purpose.
SAME_IN_BOTH: dict[str, str] = {
    "app.name": "the product's name",
    "app.short": "the product's name",
    "settings.language.nl": "a language is offered in its own name",
    "settings.language.en": "a language is offered in its own name",
    "emergency.veilig_thuis": "an organisation's name and its phone number",
    "municipality.postcode": "'postcode' is the English word too",
    "municipality.website": "'website' is the English word too",
    "overview.kind.checklist": "'checklist' is the English word too",
    "rights.role.mentor": "'mentor' is the English word too",
}

#: Keys that may be missing in English (none: English falls back to Dutch silently).
DUTCH_ONLY: dict[str, str] = {}

#: Keyword arguments whose string value is shown or read out.
_UI_KEYWORDS = {
    "label",
    "hint_text",
    "helper",
    "helper_text",
    "tooltip",
    "text",
    "content",
    "value",
    "title",
    "semantics_label",
    "error_text",
    "counter_text",
    "prefix_text",
    "suffix_text",
    "description",
}
#: Calls whose first argument is shown (``ft.Text("...")``, ``w.body("...")``, buttons).
_UI_CALLS = {
    "Text",
    "body",
    "muted",
    "heading",
    "notice",
    "primary",
    "secondary",
    "link",
    "choice",
    "option",
    "section",
    "FilledButton",
    "OutlinedButton",
    "TextButton",
    "ElevatedButton",
    "SnackBar",
}
#: Two words in a row: prose, wherever it is.
_PROSE = re.compile(r"[A-Za-zÀ-ÿ]{2,}[,:;.!?]? [A-Za-zÀ-ÿ]{2,}")
#: One word (two lower-case letters or more) handed to a label, a text or a button.
_WORD = re.compile(r"[a-zà-ÿ]{2,}")
_LOGGERS = {"logger", "logging", "log", "_log", "_logger"}


def _modules() -> list[Path]:
    return sorted(
        path
        for path in VIEWS.rglob("*.py")
        if path.name != "text.py"
        and _name(path) not in NOT_UI
        and not _name(path).startswith(STUDIO)
    )


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _is_logging(call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id in _LOGGERS
    )


def _is_register(call: ast.Call) -> bool:
    return _call_name(call) == "register"


def _strings(node: ast.AST) -> Iterator[str]:
    """The string constants in an expression, f-string parts included."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            yield sub.value


def _skipped(tree: ast.Module) -> set[int]:
    """Ids of constants that are not UI: docstrings, catalogs, logging, exceptions."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip.add(id(node.value))  # module, class, function and attribute docstrings
        elif isinstance(node, ast.Raise) and node.exc is not None:
            skip |= {id(n) for n in ast.walk(node.exc)}  # messages for developers
        elif isinstance(node, ast.Call) and (_is_logging(node) or _is_register(node)):
            skip |= {id(n) for n in ast.walk(node)}
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                skip |= {id(n) for n in ast.walk(node)}
    return skip


def _sinks(tree: ast.Module) -> set[int]:
    """Ids of constants handed straight to something the user sees."""
    sinks: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        values = [kw.value for kw in node.keywords if kw.arg in _UI_KEYWORDS]
        if _call_name(node) in _UI_CALLS and node.args:
            values.append(node.args[0])
        for value in values:
            sinks |= {id(n) for n in _direct(value) if isinstance(n, ast.Constant)}
    return sinks


def _direct(node: ast.AST) -> Iterator[ast.AST]:
    """``node`` and its parts, not looking into calls (``ctx.t("key")`` hands over a key)."""
    yield node
    if not isinstance(node, ast.Call):
        for child in ast.iter_child_nodes(node):
            yield from _direct(child)


def ui_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string constant in ``path`` that looks like UI text."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skip, sinks = _skipped(tree), _sinks(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if id(node) in skip:
            continue
        text = node.value.strip()
        if _PROSE.search(text) or (id(node) in sinks and _WORD.search(text)):
            found.append((node.lineno, node.value))
    return sorted(found)


def _name(path: Path) -> str:
    """A views module as the allowlists name it: ``rights/parts.py``."""
    return path.relative_to(VIEWS).as_posix()


@pytest.mark.parametrize("path", _modules(), ids=_name)
def test_no_untranslated_ui_text_in_views(path: Path) -> None:
    found = [
        f"{_name(path)}:{line}: {text!r}"
        for line, text in ui_literals(path)
        if (_name(path), text) not in ALLOWED
    ]
    assert found == [], (
        "UI text must go through ctx.t(...) with a key registered in Dutch and English "
        "(or be allowlisted in ALLOWED with a reason):\n" + "\n".join(found)
    )


def test_the_guard_finds_dutch_literals(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""Docstrings are fine."""\n'
        "import flet as ft\n"
        "from privacyapp.views import i18n\n"
        'i18n.register({"nl": {"x.y": "Dit is goed"}})\n'
        "def view(name):\n"
        '    """Also fine."""\n'
        '    logger.info("niet voor de gebruiker %s", name)\n'
        "    if not name:\n"
        '        raise ValueError("name must be given")\n'
        '    ft.IconButton(tooltip="Kopieer")\n'
        '    ft.TextField(label="Postcode", hint_text="1234 AB")\n'
        '    return ft.Text(f"Gekozen: Gemeente {name}")\n',
        encoding="utf-8",
    )
    assert [text for _, text in ui_literals(sample)] == [
        "Kopieer",
        "Postcode",
        "Gekozen: Gemeente ",
    ]


def test_allowlists_name_real_modules() -> None:
    names = {_name(path) for path in VIEWS.rglob("*.py")}
    assert names >= set(NOT_UI)
    for (module, text), reason in ALLOWED.items():
        assert module in names and reason, (module, text)
        assert text in [t for _, t in ui_literals(VIEWS / module)], f"stale entry: {text!r}"


def _catalogs() -> tuple[dict[str, str], dict[str, str]]:
    return dict(i18n.catalog("nl")), dict(i18n.catalog("en"))


def test_no_english_text_is_left_dutch() -> None:
    nl, en = _catalogs()
    same = sorted(key for key, text in en.items() if text and nl.get(key) == text)
    assert [key for key in same if key not in SAME_IN_BOTH] == []
    assert sorted(set(SAME_IN_BOTH) - set(same)) == []  # stale entries
