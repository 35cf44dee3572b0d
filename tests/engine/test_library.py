"""The library the app shows: only published flows reach users."""

from privacyapp.engine import Library


def test_only_published_flows_reach_users(library: Library) -> None:
    flows = list(library.flows.values())
    first = flows[0].model_copy(update={"status": "published"})
    mixed = Library(library.registry, [first, *flows[1:]], content_hash=library.content_hash)
    assert {f.status for f in flows[1:]} == {"review"}  # the frozen examples are in review

    shown = mixed.published()

    assert list(shown.flows) == [first.id]
    assert shown.flows_for(None, None) == [first]
    assert shown.content_hash == library.content_hash  # a saved path names the bundle it came from
    assert len(mixed) == len(flows)  # the editors' library is unchanged


def test_the_app_shows_the_built_in_published_content() -> None:
    from privacyapp.content import builtin_library

    builtin = builtin_library()
    shown = builtin.published()
    assert len(shown) == sum(f.status == "published" for f in builtin.flows.values()) > 0
