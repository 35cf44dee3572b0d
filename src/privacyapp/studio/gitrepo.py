"""The content repository: the ``flows/`` tree in git, driven through ``git`` plumbing.

The studio never checks out a branch: it reads blobs and trees, writes commits with a private
index file, and moves branches with a compare-and-swap (``update-ref NEW OLD``), so two saves
that race can never overwrite each other. ``git`` runs with an explicit environment: no user or
system configuration is read, nothing prompts, and the author is always the editor.

Give the studio a repository of its own (a clone, bare or not): it moves its branches without
touching a working tree.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

from privacyapp.studio.errors import InvalidInput, NotFound, RepositoryError

__all__ = ["Author", "GitRepo", "RefMoved", "check_content_path"]

_ZERO = "0" * 40


class RefMoved(RepositoryError):
    """A branch moved between reading it and updating it (another save came first)."""


@dataclass(frozen=True)
class Author:
    """Who a commit is by, and when."""

    name: str
    email: str
    when: datetime


def check_content_path(path: str, content_dir: str, walks_dir: str | None = None) -> str:
    """A safe repository path inside the content folder, ending in ``.yaml``; or, with
    ``walks_dir``, a golden walk (``<flow-id>__<answers>.txt``) inside that folder.

    Raises:
        InvalidInput: for absolute paths, ``..``, other folders or other file types.
    """
    pure = PurePosixPath(path.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise InvalidInput(
            f"Het pad {path} kan niet: gebruik een pad als {content_dir}/jeugd/x.yaml."
        )
    if walks_dir and pure.as_posix().startswith(walks_dir.rstrip("/") + "/"):
        if pure.suffix != ".txt" or "__" not in pure.stem or pure.name.startswith("."):
            raise InvalidInput(
                f"Het bestand {path} is geen voorbeeldroute: die heet <vraag-id>__<antwoorden>.txt."
            )
        return pure.as_posix()
    if pure.parts[0] != content_dir:
        pure = PurePosixPath(content_dir, *pure.parts)
    if pure.suffix != ".yaml" or any(p.startswith(".") for p in pure.parts):
        raise InvalidInput(
            f"Het bestand {path} is geen inhoudsbestand: het moet eindigen op .yaml."
        )
    return pure.as_posix()


class GitRepo:
    """One git repository holding the content folder (``flows`` by default)."""

    def __init__(
        self,
        path: Path,
        *,
        content_dir: str = "flows",
        main: str | None = None,
        walks_dir: str | None = None,
    ) -> None:
        """Open the repository at ``path`` (``walks_dir``: where its golden walks are kept).

        Raises:
            RepositoryError: when git is missing or ``path`` is not a git repository.
        """
        self.path = path
        self.content_dir = content_dir
        self.walks_dir = walks_dir.strip("/") if walks_dir else None
        if shutil.which("git") is None:
            raise RepositoryError("Git is niet geïnstalleerd op deze computer. Installeer git.")
        try:
            self.git_dir = Path(self.run(["rev-parse", "--absolute-git-dir"]).strip())
        except RepositoryError:
            raise RepositoryError(
                f"{path} is geen git-opslag met inhoud. Geef de map van een kloon van de inhoud."
            ) from None
        if main is None:
            try:
                main = self.run(["symbolic-ref", "--short", "HEAD"]).strip() or "main"
            except RepositoryError:
                main = "main"
        self.main = main
        if self.head(self.main) is None:
            raise RepositoryError(
                f"De opslag {path} heeft geen tak {self.main}. Zet de inhoud daar eerst in."
            )

    # ------------------------------------------------------------------ running git

    def _env(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        env = {
            "PATH": os.environ.get("PATH", os.defpath),
            "LC_ALL": "C",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_TERMINAL_PROMPT": "0",
            "HOME": str(self.path),
        }
        if extra:
            env.update(extra)
        return env

    def run_bytes(
        self,
        args: Sequence[str],
        *,
        data: bytes | None = None,
        env: Mapping[str, str] | None = None,
        ok: tuple[int, ...] = (0,),
    ) -> tuple[int, bytes]:
        """Run ``git ARGS`` in the repository; returns (exit code, stdout)."""
        try:
            done = subprocess.run(
                ["git", "-C", str(self.path), *args],
                input=data,
                capture_output=True,
                env=self._env(env),
                check=False,
                timeout=120,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise RepositoryError(f"Git werkte niet ({exc}). Probeer het opnieuw.") from exc
        if done.returncode not in ok:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise RepositoryError(
                f"Git gaf een fout: {message[-1] if message else done.returncode}."
            )
        return done.returncode, done.stdout

    def run(self, args: Sequence[str], **kwargs: object) -> str:
        """Run git and return its output as text."""
        return self.run_bytes(args, **kwargs)[1].decode("utf-8")  # type: ignore[arg-type]

    # ------------------------------------------------------------------ reading

    def head(self, branch: str) -> str | None:
        """The commit a branch points at, or None when the branch does not exist."""
        code, out = self.run_bytes(
            ["rev-parse", "--verify", "-q", f"refs/heads/{branch}^{{commit}}"], ok=(0, 1)
        )
        return out.decode().strip() if code == 0 else None

    def read_file(self, commit: str, path: str) -> str | None:
        """A file's text at ``commit``, or None when it does not exist there."""
        code, out = self.run_bytes(["cat-file", "blob", f"{commit}:{path}"], ok=(0, 128))
        return out.decode("utf-8") if code == 0 else None

    def list_files(self, commit: str) -> list[str]:
        """Every file in the content folder at ``commit``."""
        out = self.run(["ls-tree", "-r", "-z", "--name-only", commit, "--", self.content_dir])
        return sorted(p for p in out.split("\0") if p)

    def read_folder(self, commit: str, folder: str) -> dict[str, str]:
        """Every file under ``folder`` at ``commit`` (path inside the folder -> text); one git call
        to list and one to read them all."""
        out = self.run(["ls-tree", "-r", "-z", "--full-tree", commit, "--", folder])
        entries = []
        for record in (r for r in out.split("\0") if r):
            meta, path = record.split("\t", 1)
            _, kind, blob = meta.split()
            if kind == "blob" and path.startswith(folder.rstrip("/") + "/"):
                entries.append((path[len(folder.rstrip("/")) + 1 :], blob))
        if not entries:
            return {}
        data = "".join(f"{blob}\n" for _, blob in entries).encode()
        raw = self.run_bytes(["cat-file", "--batch"], data=data)[1]
        files: dict[str, str] = {}
        position = 0
        for name, _ in entries:
            header_end = raw.index(b"\n", position)
            size = int(raw[position:header_end].split()[2])
            start = header_end + 1
            files[name] = raw[start : start + size].decode("utf-8")
            position = start + size + 1
        return files

    def tree_id(self, commit: str, folder: str) -> str | None:
        """The tree id of ``folder`` at ``commit``, or None when the folder is not there."""
        code, out = self.run_bytes(
            ["rev-parse", "-q", "--verify", f"{commit}:{folder}"], ok=(0, 1, 128)
        )
        return out.decode().strip() if code == 0 else None

    def review_hash(self, commit: str) -> str:
        """What an approval is of: the content folder's tree, and the golden walks' tree when
        the repository keeps them (so updating a golden walk also voids an approval)."""
        content = self.content_tree(commit)
        walks = self.tree_id(commit, self.walks_dir) if self.walks_dir else None
        if walks is None:
            return content
        return hashlib.sha1(f"{content} {walks}".encode(), usedforsecurity=False).hexdigest()

    def _review_dirs(self) -> list[str]:
        return [self.content_dir, *([self.walks_dir] if self.walks_dir else [])]

    def content_tree(self, commit: str) -> str:
        """The tree id of the content folder at ``commit``: changes with every edit."""
        return self.run(["rev-parse", f"{commit}:{self.content_dir}"]).strip()

    def changed_files(self, base: str, tip: str) -> list[tuple[str, str]]:
        """(status, path) of content files (and golden walks) that differ between two commits
        (A, M, D)."""
        out = self.run(
            ["diff", "--no-renames", "--name-status", "-z", base, tip, "--", *self._review_dirs()]
        )
        parts = [p for p in out.split("\0") if p]
        return [(parts[i], parts[i + 1]) for i in range(0, len(parts) - 1, 2)]

    def is_ancestor(self, older: str, newer: str) -> bool:
        """True when ``older`` is ``newer`` or one of its ancestors."""
        code, _ = self.run_bytes(["merge-base", "--is-ancestor", older, newer], ok=(0, 1))
        return code == 0

    def log(self, base: str, tip: str) -> list[tuple[str, str, str, str]]:
        """(commit, author, ISO date, message) from ``base`` (excluded) to ``tip``, newest first."""
        out = self.run(["log", "--format=%H%x1f%an%x1f%aI%x1f%s%x1e", f"{base}..{tip}"])
        rows = []
        for record in out.split("\x1e"):
            fields = record.strip().split("\x1f")
            if len(fields) == 4:
                rows.append((fields[0], fields[1], fields[2], fields[3]))
        return rows

    def export(self, commit: str, dest: Path) -> Path:
        """Write the content folder at ``commit`` into ``dest``; returns ``dest/<content_dir>``."""
        with tempfile.TemporaryDirectory(prefix="studio-index-") as tmp:
            env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
            self.run(
                ["read-tree", f"--prefix={self.content_dir}/", self.content_tree(commit)], env=env
            )
            self.run(
                ["--work-tree", str(dest), "checkout-index", "-a", "-f", f"--prefix={dest}/"],
                env=env,
            )
        return dest / self.content_dir

    # ------------------------------------------------------------------ writing

    def _author_env(self, author: Author) -> dict[str, str]:
        when = author.when.isoformat()
        return {
            "GIT_AUTHOR_NAME": author.name,
            "GIT_AUTHOR_EMAIL": author.email,
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_NAME": author.name,
            "GIT_COMMITTER_EMAIL": author.email,
            "GIT_COMMITTER_DATE": when,
        }

    def commit_tree(self, tree: str, parents: Sequence[str], message: str, author: Author) -> str:
        """A new commit of ``tree`` with these parents (no branch moves)."""
        args = ["commit-tree", tree]
        for parent in parents:
            args += ["-p", parent]
        return self.run(args, data=message.encode("utf-8"), env=self._author_env(author)).strip()

    def tree_with(self, commit: str, changes: Mapping[str, str | None]) -> str:
        """The tree of ``commit`` with files replaced (text) or removed (None)."""
        with tempfile.TemporaryDirectory(prefix="studio-index-") as tmp:
            env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
            self.run(["read-tree", commit], env=env)
            for path, text in sorted(changes.items()):
                if text is None:
                    self.run(["update-index", "--force-remove", "--", path], env=env)
                    continue
                blob = self.run(["hash-object", "-w", "--stdin"], data=text.encode("utf-8")).strip()
                self.run(["update-index", "--add", "--cacheinfo", f"100644,{blob},{path}"], env=env)
            return self.run(["write-tree"], env=env).strip()

    def tree_with_content_of(self, commit: str, source: str) -> str:
        """The tree of ``commit`` with its content folder (and golden walks) as in ``source``."""
        with tempfile.TemporaryDirectory(prefix="studio-index-") as tmp:
            env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
            self.run(["read-tree", commit], env=env)
            for folder in self._review_dirs():
                self.run(["rm", "-r", "-q", "--cached", "--ignore-unmatch", "--", folder], env=env)
                tree = self.tree_id(source, folder)
                if tree is not None:
                    self.run(["read-tree", f"--prefix={folder}/", tree], env=env)
            return self.run(["write-tree"], env=env).strip()

    def tree_of(self, commit: str) -> str:
        """The root tree of a commit."""
        return self.run(["rev-parse", f"{commit}^{{tree}}"]).strip()

    def move_branch(self, branch: str, new: str, old: str | None) -> None:
        """Point ``branch`` at ``new`` only if it still points at ``old`` (None: must not exist).

        Raises:
            RefMoved: when the branch points elsewhere now.
        """
        code, _ = self.run_bytes(
            ["update-ref", f"refs/heads/{branch}", new, old or _ZERO], ok=(0, 1, 128)
        )
        if code != 0:
            raise RefMoved(f"De tak {branch} is intussen veranderd.")

    def merged_tree(self, main_head: str, tip: str) -> str:
        """The tree of ``tip`` merged into ``main_head``.

        Raises:
            RepositoryError: when both changed the same lines (a conflict).
        """
        if self.is_ancestor(main_head, tip):
            return self.tree_of(tip)
        code, out = self.run_bytes(
            ["merge-tree", "--write-tree", "--no-messages", main_head, tip], ok=(0, 1)
        )
        if code != 0:
            raise RepositoryError(
                "Een ander voorstel dat al gepubliceerd is, veranderde dezelfde tekst. "
                "Maak een nieuw voorstel vanaf de gepubliceerde versie en neem je wijziging over."
            )
        return out.decode().split("\n", 1)[0].strip()

    def ensure_exists(self, commit: str) -> None:
        """Raise ``NotFound`` when ``commit`` is not a commit in this repository."""
        code, _ = self.run_bytes(["cat-file", "-e", f"{commit}^{{commit}}"], ok=(0, 1, 128))
        if code != 0:
            raise NotFound(f"Versie {commit[:12]} staat niet in de opslag.")
