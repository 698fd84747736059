"""The on-disk store of imported corpora: round trip, idempotence, crash safety."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path
from typing import IO

import pytest

from bondmcp.engine.corpora import read_medquad
from bondmcp.engine.passages import Passage
from bondmcp.store import corpora as store_module
from bondmcp.store.corpora import CorpusStore, CorpusStoreError, content_hash, load_all
from tests.corpora.conftest import MEDQUAD


@pytest.fixture(scope="module")
def passages() -> list[Passage]:
    return read_medquad(MEDQUAD).passages


def save(
    store: CorpusStore, passages: list[Passage], name: str = "medquad"
) -> store_module.SaveResult:
    return store.save(
        name,
        passages,
        kind="medquad",
        source_path="/data/MedQuAD",
        license="CC BY 4.0",
        attribution="MedQuAD",
        categories={p.source_id: "GARD" for p in passages},
        skipped={"empty_answer": 1},
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.name != ".lock"}


def test_round_trip(data_dir: Path, passages: list[Passage]) -> None:
    store = CorpusStore(data_dir)
    result = save(store, passages)
    assert result.changed
    assert store.load("medquad") == passages
    assert load_all(data_dir) == passages
    assert [r.category for r in store.records("medquad")] == ["GARD"] * len(passages)
    info = store.get("medquad")
    assert info is not None
    assert info.count == len(passages)
    assert info.sha256 == content_hash(passages, {p.source_id: "GARD" for p in passages})
    assert info.file == f"medquad-{info.sha256[:16]}.jsonl.gz"
    assert info.skipped == {"empty_answer": 1}
    manifest = json.loads((data_dir / "corpora" / "manifest.json").read_text())
    assert manifest["corpora"]["medquad"]["license"] == "CC BY 4.0"
    assert manifest["corpora"]["medquad"]["imported_at"].endswith("+00:00")


def test_reimporting_the_same_content_writes_nothing(
    data_dir: Path, passages: list[Passage]
) -> None:
    store = CorpusStore(data_dir)
    first = save(store, passages)
    before = snapshot(data_dir / "corpora")
    mtimes = {p.name: p.stat().st_mtime_ns for p in (data_dir / "corpora").iterdir()}
    again = save(store, passages)
    assert not again.changed
    assert again.info == first.info  # same imported_at: nothing was rewritten
    assert snapshot(data_dir / "corpora") == before
    for path in (data_dir / "corpora").iterdir():
        if path.name != ".lock":
            assert path.stat().st_mtime_ns == mtimes[path.name]


def test_equal_content_gives_equal_bytes(tmp_path: Path, passages: list[Passage]) -> None:
    a, b = CorpusStore(tmp_path / "a"), CorpusStore(tmp_path / "b")
    save(a, passages)
    save(b, passages)
    info = a.get("medquad")
    assert info is not None
    assert (a.root / info.file).read_bytes() == (b.root / info.file).read_bytes()


def test_changed_content_changes_the_hash_and_replaces_the_file(
    data_dir: Path, passages: list[Passage]
) -> None:
    store = CorpusStore(data_dir)
    old = save(store, passages).info
    edited = [replace(passages[0], text=passages[0].text + " Edited."), *passages[1:]]
    new = save(store, edited)
    assert new.changed and new.info.sha256 != old.sha256
    assert store.load("medquad")[0].text.endswith("Edited.")
    data_files = sorted(p.name for p in store.root.glob("*.jsonl.gz"))
    assert data_files == [new.info.file]


def test_a_crash_while_writing_data_keeps_the_old_content(
    data_dir: Path, passages: list[Passage], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = CorpusStore(data_dir)
    save(store, passages)
    before = snapshot(store.root)

    def half_then_fail(handle: IO[bytes], payload: bytes) -> None:
        handle.write(payload[: len(payload) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module, "_write_gzip", half_then_fail)
    edited = [replace(p, text=p.text + " New.") for p in passages]
    with pytest.raises(OSError, match="No space left"):
        save(store, edited)
    assert snapshot(store.root) == before  # no temp file left, nothing replaced
    assert store.load("medquad") == passages


def test_a_crash_before_the_manifest_commits_keeps_the_old_content(
    data_dir: Path, passages: list[Passage], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = CorpusStore(data_dir)
    save(store, passages)
    real_replace = os.replace

    def fail_on_manifest(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).name == "manifest.json":
            raise OSError(5, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(store_module.os, "replace", fail_on_manifest)
    edited = [replace(p, text=p.text + " New.") for p in passages]
    with pytest.raises(OSError, match="Input/output"):
        save(store, edited)
    monkeypatch.undo()
    assert store.load("medquad") == passages
    # The orphaned new data file is swept by the next successful write.
    assert len(list(store.root.glob("*.jsonl.gz"))) == 2
    save(store, edited)
    assert len(list(store.root.glob("*.jsonl.gz"))) == 1


def test_a_process_killed_mid_write_leaves_the_old_content(
    data_dir: Path, passages: list[Passage]
) -> None:
    """A real crash: the writer dies without running any cleanup."""
    store = CorpusStore(data_dir)
    save(store, passages)
    script = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from bondmcp.engine.corpora import read_medquad
        from bondmcp.store import corpora

        def die_halfway(handle, payload):
            handle.write(payload[: len(payload) // 2])
            handle.flush()
            os._exit(9)

        corpora._write_gzip = die_halfway
        passages = read_medquad(Path({str(MEDQUAD)!r})).passages
        corpora.CorpusStore(Path({str(data_dir)!r})).save(
            "medquad", passages[:3], kind="medquad", source_path="x", license="l",
            attribution="a",
        )
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == 9, result.stderr
    assert any(p.name.endswith(".tmp") for p in store.root.iterdir())  # the torn write
    assert store.load("medquad") == passages
    save(store, passages[:2])
    assert not any(p.name.endswith(".tmp") for p in store.root.iterdir())


def test_a_corrupted_data_file_is_refused(data_dir: Path, passages: list[Passage]) -> None:
    store = CorpusStore(data_dir)
    info = save(store, passages).info
    path = store.root / info.file
    payload = gzip.decompress(path.read_bytes()).replace(b"invented", b"INVENTED", 1)
    path.write_bytes(gzip.compress(payload))
    with pytest.raises(CorpusStoreError, match="does not match its recorded hash"):
        store.load_all()
    path.write_bytes(b"not gzip")
    with pytest.raises(CorpusStoreError, match="cannot read"):
        store.load_all()


def test_remove(data_dir: Path, passages: list[Passage]) -> None:
    store = CorpusStore(data_dir)
    save(store, passages, "one")
    save(store, passages[:2], "two")
    assert [i.name for i in store.corpora()] == ["one", "two"]
    assert len(store.load_all()) == len(passages) + 2
    removed = store.remove("one")
    assert removed.name == "one"
    assert [i.name for i in store.corpora()] == ["two"]
    assert not (store.root / removed.file).exists()
    with pytest.raises(CorpusStoreError, match="no imported corpus named 'one'"):
        store.remove("one")


def test_reading_an_empty_data_dir_creates_nothing(tmp_path: Path) -> None:
    store = CorpusStore(tmp_path / "nothing")
    assert store.corpora() == [] and store.load_all() == []
    assert not (tmp_path / "nothing").exists()
    with pytest.raises(CorpusStoreError):
        store.remove("medquad")


@pytest.mark.parametrize("name", ["", "MedQuAD", "../x", "a b", "x" * 65])
def test_invalid_names_are_refused(data_dir: Path, passages: list[Passage], name: str) -> None:
    with pytest.raises(CorpusStoreError, match="invalid corpus name"):
        save(CorpusStore(data_dir), passages, name)


def test_duplicate_ids_and_empty_corpora_are_refused(
    data_dir: Path, passages: list[Passage]
) -> None:
    store = CorpusStore(data_dir)
    with pytest.raises(CorpusStoreError, match="repeats a source_id"):
        save(store, [passages[0], passages[0]])
    with pytest.raises(CorpusStoreError, match="no passages"):
        save(store, [])


def test_a_broken_manifest_is_a_clear_error(data_dir: Path, passages: list[Passage]) -> None:
    store = CorpusStore(data_dir)
    save(store, passages)
    (store.root / "manifest.json").write_text("{not json")
    with pytest.raises(CorpusStoreError, match="cannot read"):
        store.corpora()
