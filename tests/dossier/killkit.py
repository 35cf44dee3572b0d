"""Crash safety: child processes that save, change and delete records are killed at random
moments, and afterwards every save a child confirmed must still be there.

Used by the mid-save kill test (``test_faults.py``) and the mid-pack one (``test_packs.py``).
Each round is one child killed at a random moment. 15 rounds keep a local run quick; CI runs 50
(``PRIVACYAPP_FAULT_ROUNDS`` in ``.ci/run``), with the same fixed seed.
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

from store_helpers import PIN

import privacyapp
from privacyapp.dossier import AppLock, FileBackend

_CHILD = """
import sys
from pathlib import Path
from privacyapp.dossier import AppLock, FileBackend, KdfParams, _packs
{setup}
kdf = KdfParams("argon2id", b"\\0" * 16, iterations=1, memory_kib=64)
lock = AppLock(FileBackend(Path(sys.argv[1])), kdf=kdf)
vault = lock.unlock("{pin}") if lock.has_store() else lock.set_pin("{pin}")
print("ready", flush=True)
n = 0
while True:
    n += 1
    record = vault.create("path", f"Pad {{n}}", {{"blob": "x" * (n % 50) * 100}})
    print("saved", record.id, record.revision, flush=True)
    record = vault.update(record.id, status="bijgewerkt")
    print("saved", record.id, record.revision, flush=True)
    if n % {delete_every} == 1:
        print("deleting", record.id, flush=True)  # from here on it may be gone
        vault.delete(record.id)
"""


@dataclass
class KillRun:
    """What the killed children said before they died."""

    data_dir: Path
    rounds: int
    confirmed: dict[str, int] = field(default_factory=dict)  # record id -> newest revision
    deleted: set[str] = field(default_factory=set)

    def note(self, line: str) -> None:
        # Only whole lines count: a kill can cut the child's last line off mid-word, and what
        # it never finished saying it never confirmed.
        parts = line.split()
        if not line.endswith("\n"):
            return
        if len(parts) == 3 and parts[0] == "saved":
            self.confirmed[parts[1]] = int(parts[2])
        elif len(parts) == 2 and parts[0] == "deleting":
            self.deleted.add(parts[1])


def kill_children(
    tmp_path: Path, *, seed: int, most_ops: int, delete_every: int, setup: str = ""
) -> KillRun:
    """Run the rounds: each child saves until it is killed after up to ``most_ops`` confirmed
    operations, at a random moment within the next; ``setup`` runs first in the child."""
    script = tmp_path / "child.py"
    script.write_text(
        textwrap.dedent(_CHILD).format(setup=setup, pin=PIN, delete_every=delete_every)
    )
    run = KillRun(tmp_path / "data", int(os.environ.get("PRIVACYAPP_FAULT_ROUNDS", "15")))
    env = {**os.environ, "PYTHONPATH": str(Path(privacyapp.__file__).parents[1])}
    rng = random.Random(seed)
    for _ in range(run.rounds):
        child = subprocess.Popen(
            [sys.executable, str(script), str(run.data_dir)], stdout=subprocess.PIPE, text=True,
            env=env, start_new_session=True,
        )  # fmt: skip
        assert child.stdout is not None
        try:
            assert child.stdout.readline().strip() == "ready"
            for _ in range(rng.randint(0, most_ops)):
                run.note(child.stdout.readline())
            time.sleep(rng.random() * 0.004)
            os.killpg(child.pid, signal.SIGKILL)
            for line in child.stdout.read().splitlines(keepends=True):  # said before dying
                run.note(line)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            child.stdout.close()
    return run


def assert_nothing_lost(run: KillRun) -> None:
    """The store opens without problems, its journal verifies, and every confirmed save that
    was not being deleted is there at its confirmed revision or later."""
    vault = AppLock(FileBackend(run.data_dir)).unlock(PIN)
    assert vault.problems == []
    vault.verify()
    present = {r.id: r for r in vault.list()}
    for record_id, revision in run.confirmed.items():
        if record_id in run.deleted:
            continue
        assert record_id in present, f"lost record {record_id}"
        assert present[record_id].revision >= revision
    assert len(run.confirmed) > run.rounds  # the kills really landed between and inside saves
