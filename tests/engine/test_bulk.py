"""The garbage collector is paused during bulk loads and always restored."""

from __future__ import annotations

import gc

import pytest

from privacyapp.engine._bulk import paused_gc


def test_collector_is_restored_even_after_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused_gc():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_paused_collector_stays_paused() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
