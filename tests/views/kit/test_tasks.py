"""Work on a page's loop after its tab has gone ends quietly; real faults still surface."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from typing import Any, cast

import pytest

from privacyapp.views.kit.tasks import page_alive, run_task


class _Session:
    def __init__(self) -> None:
        self.connection: object | None = object()


class _Page:
    """A page whose tab can go: ``run_task`` runs the coroutine at once, like Flet's loop."""

    def __init__(self) -> None:
        self._session: _Session | None = _Session()
        self.ran = 0

    @property
    def session(self) -> _Session:
        if self._session is None:
            raise RuntimeError("An attempt to fetch destroyed session.")
        return self._session

    def run_task(
        self, handler: Callable[..., Awaitable[None]], *args: Any, **kwargs: Any
    ) -> Future[None]:
        self.ran += 1
        future: Future[None] = Future()
        try:
            asyncio.run(cast(Any, handler)(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - handed to the future, as Flet does
            future.set_exception(exc)
        else:
            future.set_result(None)
        return future


def _page(page: _Page) -> Any:
    return page


def test_a_call_cut_off_by_the_closed_session_ends_without_an_error() -> None:
    page = _Page()

    async def save() -> None:
        raise RuntimeError("Session closed")  # what Flet answers a pending browser call

    future = run_task(_page(page), save)
    assert future is not None and future.exception() is None


def test_work_that_finds_its_tab_gone_halfway_ends_without_an_error() -> None:
    page = _Page()

    async def update() -> None:
        page.session.connection = None  # the browser closed the tab meanwhile
        raise RuntimeError("the page cannot be updated")

    future = run_task(_page(page), update)
    assert future is not None and future.exception() is None


def test_no_work_starts_for_a_tab_that_is_already_gone() -> None:
    page = _Page()
    page._session = None
    calls: list[str] = []

    async def work() -> None:
        calls.append("ran")

    assert not page_alive(_page(page))  # the destroyed session raises; that means "gone"
    assert run_task(_page(page), work) is None
    assert (calls, page.ran) == ([], 0)


def test_a_real_fault_of_a_live_tab_still_reaches_the_error_log() -> None:
    page = _Page()

    async def broken() -> None:
        raise RuntimeError("Frozen control cannot be updated.")

    async def wrong(value: int) -> None:
        raise ValueError(value)

    first = run_task(_page(page), broken)
    assert first is not None
    with pytest.raises(RuntimeError, match="Frozen"):
        first.result()
    second = run_task(_page(page), wrong, 3)
    assert second is not None and isinstance(second.exception(), ValueError)


def test_arguments_reach_the_work() -> None:
    page = _Page()
    seen: list[object] = []

    async def push(route: str, *, replace: bool) -> None:
        seen.append((route, replace))

    run_task(_page(page), push, "/vragen", replace=True)
    assert seen == [("/vragen", True)]
    assert page_alive(None) is False
