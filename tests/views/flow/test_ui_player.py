"""The flow player and the advice screen, driven through the routes table without a client."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from viewkit import RecordingNavigator, click, find, idents, layout_problems, texts, walk

from privacyapp.engine import FlowSession
from privacyapp.views.kit.services import Services
from privacyapp.views.kit.state import AppState
from privacyapp.views.shell.routes import route_table
from privacyapp.views.shell.shell import Rendered, render_route

ROUTES = route_table()


class Walker:
    """Renders routes like the shell does, and follows where handlers navigate."""

    def __init__(self, state: AppState, services: Services) -> None:
        self.state, self.services = state, services
        self.nav = RecordingNavigator()
        self.screen: Rendered | None = None

    def open(self, route: str) -> Rendered:
        self.screen = render_route(ROUTES, route, self.state, self.services, self.nav)
        return self.screen

    def tap(self, ident: str) -> Rendered:
        assert self.screen is not None
        before = len(self.nav.routes)
        click(find(self.screen.content, ident))
        route = self.nav.routes[-1] if len(self.nav.routes) > before else self.screen.route
        return self.open(route)

    def ids(self) -> list[str]:
        assert self.screen is not None
        return idents(self.screen.content)

    def texts(self) -> list[str]:
        assert self.screen is not None
        return texts(self.screen.content)


@pytest.fixture
def walker(state: AppState, services: Services) -> Walker:
    return Walker(state, services)


def test_resident_walks_to_advice_with_sources_help_and_actions(walker: Walker) -> None:
    step = walker.open("/vraag/algemeen-inzage-dossier")
    assert step.title == "Hoe oud ben je?"
    assert "step-help" in walker.ids()
    assert any(t.startswith("Mag ik mijn dossier inzien? · Stap 1") for t in walker.texts())
    step = walker.tap("answer-0")
    assert step.route == "/vraag/algemeen-inzage-dossier/vraag-organisatie"
    advice = walker.tap("answer-0")
    assert advice.route == "/vraag/algemeen-inzage-dossier/advies-gemeente"
    assert advice.title == "Vraag de gemeente om je gegevens"
    content = advice.content
    assert find(content, "source-0").url == (
        "https://eur-lex.europa.eu/legal-content/NL/TXT/HTML/?uri=CELEX:32016R0679#art_15"
    )  # the article itself, not the regulation's front page
    assert find(content, "help-juridisch-loket-web").url == "https://www.juridischloket.nl"
    assert {"Wat kun je doen?", "Waarom?", "Bronnen", "Meer hulp"} <= set(walker.texts())
    # the advice's actions open the feature they name
    assert any("Maak een inzageverzoek" in t for t in walker.texts())
    request = walker.tap("action-0")
    assert request.route == "/verzoek/inzage"


def test_back_and_restart(walker: Walker) -> None:
    walker.open("/vraag/algemeen-inzage-dossier")
    walker.tap("answer-1")  # jonger dan 16 -> info step
    assert walker.state.session.current_id == "uitleg-jonger"
    assert "flow-next" in walker.ids()
    walker.tap("flow-next")
    assert walker.state.session.current_id == "vraag-organisatie"
    # back goes to the previous step (the shell asks the route's back hook)
    spec_back = walker.screen.spec.back if walker.screen else None
    assert spec_back is not None
    from privacyapp.views.kit.context import ViewContext
    from privacyapp.views.kit.i18n import Translator

    ctx = ViewContext(
        walker.state,
        walker.services,
        walker.nav,
        Translator(),
        {"flow": "algemeen-inzage-dossier", "node": "vraag-organisatie"},
    )
    assert spec_back(ctx) == "/vraag/algemeen-inzage-dossier/uitleg-jonger"
    restarted = walker.tap("flow-restart")
    assert restarted.route == "/vraag/algemeen-inzage-dossier"
    assert walker.state.session.steps == ()


def test_browser_back_and_forward_find_the_exact_step(walker: Walker) -> None:
    walker.open("/vraag/algemeen-inzage-dossier")
    walker.tap("answer-0")
    walker.tap("answer-1")
    assert walker.state.session.finished
    # browser back: the URL of the earlier step
    earlier = walker.open("/vraag/algemeen-inzage-dossier/vraag-organisatie")
    assert earlier.title == "Welke organisatie heeft je gegevens?"
    assert len(walker.state.session.steps) == 1
    # browser forward: the advice again, with its path
    later = walker.open("/vraag/algemeen-inzage-dossier/advies-organisatie")
    assert later.title == "Vraag de organisatie om je gegevens"
    assert walker.state.session.finished


def test_deep_link_to_an_unvisited_step_starts_at_the_beginning(walker: Walker) -> None:
    shown = walker.open("/vraag/algemeen-inzage-dossier/advies-gemeente")
    assert shown.route == "/vraag/algemeen-inzage-dossier"
    assert "flow-resume" in walker.ids()


def test_unknown_flow_is_not_a_crash(walker: Walker) -> None:
    walker.open("/vraag/bestaat-niet")
    assert "flow-unknown-home" in walker.ids()


def test_path_so_far_lists_the_answers(walker: Walker) -> None:
    walker.open("/vraag/algemeen-inzage-dossier")
    walker.tap("answer-0")
    assert "flow-path" in walker.ids()
    assert "Hoe oud ben je? — 16 jaar of ouder" in walker.texts()


def test_professional_checklist_needs_every_answer_then_gives_advice(walker: Walker) -> None:
    walker.state.settings = replace(walker.state.settings, audience="professional")
    walker.open("/vraag/algemeen-conflict-van-plichten")
    walker.tap("flow-next")
    items = ["toestemming", "schade", "geweten", "geen-andere-weg", "helpt", "zo-min-mogelijk"]
    assert all(f"check-{item}-unknown" in walker.ids() for item in items)
    walker.tap("check-toestemming-yes")
    walker.tap("checklist-done")
    assert "checklist-missing" in walker.ids()  # nothing lost, clear message
    for item in items:
        walker.tap(f"check-{item}-yes")
    note = find(walker.screen.content, "check-schade-note") if walker.screen else None
    assert note is not None
    note.on_change(type("E", (), {"control": type("C", (), {"value": "Acuut gevaar"})()})())
    advice = walker.tap("checklist-done")
    assert advice.title == "Je mag delen wat nodig is om de schade te voorkomen"
    step = walker.state.session.path.steps[1]
    assert step.kind == "checklist"
    assert [c.note for c in step.checklist if c.item_id == "schade"] == ["Acuut gevaar"]
    # a professional can record the advice (feature screen, honest until it lands)
    assert "action-record" in walker.ids()
    assert walker.tap("action-record").route == "/vastleggen"


def test_english_ui_keeps_content_dutch_and_says_so(walker: Walker) -> None:
    walker.state.settings = replace(walker.state.settings, language="en")
    walker.open("/vraag/algemeen-inzage-dossier")
    walker.tap("answer-0")
    walker.tap("answer-0")
    assert "advice-dutch-only" in walker.ids()
    assert {"What can you do?", "Why?", "Sources"} <= set(walker.texts())
    assert "Vraag de gemeente om je gegevens" in walker.texts()


@pytest.mark.parametrize(
    "route",
    [
        "/",
        "/vragen",
        "/vragen/jeugd",
        "/zoeken",
        "/zoeken?q=dossier",
        "/nood",
        "/meer",
        "/meer/over",
        "/meer/bronnen",
        "/meer/toegankelijkheid",
        "/meer/privacy",
        "/meer/instellingen",
        "/overzicht",
        "/slot",
        "/vastleggen",
        "/gemeente",
        "/verzoek/inzage",
        "/iets/dat/niet/bestaat",
    ],
)
def test_every_route_renders_with_translated_title(walker: Walker, route: str) -> None:
    shown = walker.open(route)
    assert "." not in shown.title or " " in shown.title, shown.title  # not a raw i18n key
    assert walker.ids(), route
    assert layout_problems(shown.content) == []


@pytest.mark.parametrize("audience", ["inwoner", "professional", "vertegenwoordiger", None])
def test_home_layout_is_valid_for_every_audience(walker: Walker, audience: str | None) -> None:
    walker.state.settings = replace(walker.state.settings, audience=audience)
    assert layout_problems(walker.open("/").content) == []


def _sibling_keys_repeat(control: object) -> list[str]:
    """Keys that occur twice in one list of controls (Flet matches a diffed screen by them)."""
    repeats: list[str] = []
    for node in walk(control):
        children = getattr(node, "controls", None)
        if isinstance(children, list):
            counts = Counter(c.key for c in children if getattr(c, "key", None) is not None)
            repeats += [str(k) for k, n in counts.items() if n > 1]
    return repeats


def test_every_step_of_every_flow_can_be_diffed_by_unique_keys(
    state: AppState, services: Services
) -> None:
    """A step is diffed against the one on show (RouteSpec.diff): its keyed controls must be
    unique among their siblings, or Flet would pair up the wrong ones."""
    checked = 0
    for flow in services.library.flows.values():
        start = FlowSession.start(flow, content_hash="test", clock=services.clock)
        for node_id in flow.nodes:
            state.session = replace(start, current_id=node_id)
            screen = render_route(
                ROUTES, f"/vraag/{flow.id}/{node_id}", state, services, RecordingNavigator()
            )
            assert _sibling_keys_repeat(screen.content) == [], (flow.id, node_id)
            checked += 1
    assert checked > 300


@pytest.mark.parametrize("route", ["/", "/vragen", "/vragen/jeugd", "/zoeken?q=dossier", "/nood",
                                   "/meer", "/meer/over", "/meer/instellingen", "/meer/bronnen",
                                   "/meer/toegankelijkheid", "/meer/privacy"])  # fmt: skip
def test_every_core_screen_can_be_diffed_by_unique_keys(walker: Walker, route: str) -> None:
    assert _sibling_keys_repeat(walker.open(route).content) == []


@pytest.mark.parametrize(
    ("language", "yes", "unknown", "missing"),
    [
        ("nl", "ja", "weet ik niet", "Kies dan 'weet ik niet'."),
        ("en", "Yes", "Don't know", "Not sure? Choose 'Don't know'."),
    ],
)
def test_checklist_answers_in_the_path_speak_the_ui_language(
    walker: Walker, language: str, yes: str, unknown: str, missing: str
) -> None:
    walker.state.settings = replace(
        walker.state.settings, audience="professional", language=language
    )
    walker.open("/vraag/algemeen-conflict-van-plichten")
    walker.tap("flow-next")
    walker.tap("checklist-done")
    assert any(text.endswith(missing) for text in walker.texts())
    items = ["toestemming", "schade", "geweten", "geen-andere-weg", "helpt", "zo-min-mogelijk"]
    for item in items:
        walker.tap(f"check-{item}-{'unknown' if item == 'helpt' else 'yes'}")
    walker.tap("checklist-done")
    path = [text for text in walker.texts() if text.startswith("• ")]
    assert len(path) == len(items)
    assert sum(text.endswith(f" — {yes}") for text in path) == len(items) - 1
    assert sum(text.endswith(f" — {unknown}") for text in path) == 1


def test_advice_step_badges_grow_with_the_text(state: AppState, services: Services) -> None:
    """User walk: at 200 % the step numbers overflowed their 28 px circles."""
    from dataclasses import replace as dc_replace

    from privacyapp.views.flow import advice

    for scale in (1.0, 2.0):
        state.settings = dc_replace(state.settings, text_scale=scale)
        rows = advice._numbered(("Een", "Twee"), state.settings.text_scale)
        badges = [row.controls[0] for row in rows]  # type: ignore[attr-defined]
        assert badges and all(b.width == b.height == round(28 * scale) for b in badges)


def test_a_bill_is_cited_once_as_a_bill_with_the_day_its_status_was_checked(
    state: AppState, services: Services
) -> None:
    """Issue 14: "Wetsvoorstel … (Wetsvoorstel, nog geen wet)" said it twice and not since when."""
    from dataclasses import replace as dc_replace

    flow = services.library.get("multiprobleem-casusoverleg")
    start = FlowSession.start(flow, content_hash="test", clock=services.clock)
    state.set_session(dc_replace(start, current_id="advies-met-toestemming"))
    shown = render_route(
        ROUTES, "/vraag/multiprobleem-casusoverleg/advies-met-toestemming", state, services,
        RecordingNavigator(),
    )  # fmt: skip
    bill = [t for t in texts(shown.content) if "WAMS" in t and t.startswith("Wetsvoorstel")]
    assert bill and all(t.count("Wetsvoorstel") == 1 for t in bill)
    assert all("nog geen wet, stand op 02-12-2026" in t for t in bill)
