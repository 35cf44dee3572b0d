"""Checking a version of the content with the engine's own loader and checks.

The same located diagnostics as ``privacyapp flows check`` (the readability checks included),
with paths shown from the repository root (``flows/jeugd/x.yaml``). Results are kept per content
tree id: a version that was checked once is not checked again.
"""

from __future__ import annotations

import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from privacyapp.engine import Diagnostic, Library, load_flows
from privacyapp.studio.gitrepo import GitRepo

__all__ = ["CheckResult", "Checker"]


@dataclass(frozen=True)
class CheckResult:
    """What the checks found in one version of the content."""

    tree: str
    diagnostics: tuple[Diagnostic, ...]
    library: Library | None
    #: The flows that are valid on their own, also when others have errors (for the preview).
    partial: Library | None = None

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    def for_path(self, path: str) -> list[Diagnostic]:
        """The diagnostics of one file."""
        return [d for d in self.diagnostics if d.path == path]


class Checker:
    """Checks versions of the content; remembers the last few results."""

    def __init__(self, repo: GitRepo, *, keep: int = 16) -> None:
        self.repo = repo
        self.keep = keep
        self._cache: OrderedDict[str, CheckResult] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, commit: str) -> CheckResult:
        """Check the content at ``commit`` (a commit or tree id)."""
        tree = self.repo.content_tree(commit)
        with self._lock:
            if tree in self._cache:
                self._cache.move_to_end(tree)
                return self._cache[tree]
        with tempfile.TemporaryDirectory(prefix="studio-check-") as tmp:
            root = self.repo.export(commit, Path(tmp))
            result = check_folder(root, Path(tmp), tree)
        with self._lock:
            self._cache[tree] = result
            while len(self._cache) > self.keep:
                self._cache.popitem(last=False)
        return result


def check_folder(content_root: Path, display_base: Path, tree: str = "") -> CheckResult:
    """Load and check a content folder (the registry in its root)."""
    loaded = load_flows(
        [content_root],
        registry=content_root / "registry.yaml",
        root=content_root,
        display_base=display_base,
    )
    return CheckResult(tree, tuple(loaded.diagnostics), loaded.library, loaded.partial)
