"""Hostile content files (security review 6a/6d): deep nesting and very long lines.

Deep nesting must give a located ``yaml-too-deep`` error before anything recursive runs (no
RecursionError, no crash of the process); long texts must cost time in proportion to their
length. Growth is compared (8× the input may cost at most ~3× linear), never absolute time.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from privacyapp.engine._document import MAX_DEPTH, parse_document
from privacyapp.engine.readability import check_flow_texts, split_sentences

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "flows"


def _codes(text: str) -> list[str]:
    document, diagnostics = parse_document(text, "diep.yaml")
    return [d.code for d in diagnostics]


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 500, 5_000])
def test_deep_flow_style_nesting_is_a_located_error(depth: int) -> None:
    text = "schema: 1\nextra: " + "[" * depth + "]" * depth + "\n"
    document, diagnostics = parse_document(text, "diep.yaml")
    assert document is None
    assert [d.code for d in diagnostics] == ["yaml-too-deep"]
    # The top mapping is level 1, so the bracket that passes the limit is number MAX_DEPTH.
    assert (diagnostics[0].line, diagnostics[0].col) == (2, len("extra: ") + MAX_DEPTH)


def test_deep_block_nesting_is_a_located_error() -> None:
    text = "schema: 1\n" + "".join(" " * i + f"k{i}:\n" for i in range(1_000)) + " " * 1000 + "x\n"
    document, diagnostics = parse_document(text, "diep.yaml")
    assert document is None
    assert [(d.code, d.line) for d in diagnostics] == [("yaml-too-deep", MAX_DEPTH + 2)]


def test_unclosed_brackets_are_too_deep_not_a_crash() -> None:
    assert _codes("x: " + "{a: " * 20_000) == ["yaml-too-deep"]


def test_nesting_up_to_the_limit_still_reads() -> None:
    depth = MAX_DEPTH - 1  # plus the top mapping: exactly MAX_DEPTH levels
    document, diagnostics = parse_document("x: " + "[" * depth + "]" * depth, "ok.yaml")
    assert document is not None and diagnostics == []


def test_a_syntax_error_is_still_reported_where_it_is() -> None:
    assert _codes("a: [1, 2\nb: }") == ["yaml-syntax"]


def test_flows_check_on_fifty_thousand_levels_reports_and_does_not_crash(tmp_path: Path) -> None:
    flows = tmp_path / "flows"
    (flows / "algemeen").mkdir(parents=True)
    (flows / "registry.yaml").write_bytes((FIXTURES / "registry.yaml").read_bytes())
    bad = flows / "algemeen" / "diep.yaml"
    bad.write_text("schema: 1\nid: diep\nx: " + "[" * 50_000 + "]" * 50_000 + "\n", "utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    run = subprocess.run(
        [sys.executable, "-m", "privacyapp", "flows", "check", str(bad)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    assert run.returncode == 1, (run.returncode, run.stderr[-500:])  # not -11 (SIGSEGV)
    assert "Traceback" not in run.stderr and "RecursionError" not in run.stderr
    assert "diep.yaml:3:" in run.stdout and "[yaml-too-deep]" in run.stdout


def _cost(work: Callable[[str], object], unit: str, size: int) -> float:
    text = unit * (size // len(unit))
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        work(text)
        best = min(best, time.perf_counter() - start)
    return best


# A run of letters (e-mail pattern), abbreviations (sentence split), dots before a letter, and
# "@" signs: each of these was quadratic before (a 2.4 MB line took 14.5 s).
@pytest.mark.parametrize("unit", ["x", "bijv. ", "......x", "a@", "AVG (", "woord "])
def test_readability_of_a_long_line_grows_linearly(unit: str) -> None:
    def check(text: str) -> object:
        return check_flow_texts([(text, "loc")])

    small, large = _cost(check, unit, 20_000), _cost(check, unit, 160_000)
    assert large < 24 * max(small, 1e-4), (unit, small, large)  # linear 8×, quadratic 64×


def test_parsing_a_long_line_grows_linearly() -> None:
    def parse(text: str) -> object:
        return parse_document(f"schema: 1\ntext: {text}\n", "lang.yaml")

    small, large = _cost(parse, "woord ", 200_000), _cost(parse, "woord ", 1_600_000)
    assert large < 24 * max(small, 1e-4), (small, large)


def test_abbreviations_in_a_long_text_still_do_not_end_sentences() -> None:
    text = "Zie bijv. art. 15 AVG. " * 1000
    assert len(split_sentences(text)) == 1000
