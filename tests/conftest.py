"""Shared test configuration."""


def pytest_collection_modifyitems(items: list) -> None:  # type: ignore[type-arg]
    """Run the browser tests last: Playwright's sync API keeps an asyncio loop running in the
    main thread until the session ends, so tests after it that call asyncio.run() would fail."""
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)
