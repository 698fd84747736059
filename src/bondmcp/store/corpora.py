"""Imported corpora on disk: ``DATA_DIR/corpora/``.

Layout::

    corpora/
      manifest.json                       what is imported: name, kind, source, count,
                                          content hash, imported_at, licence, attribution
      medquad-<hash16>.jsonl.gz           one JSON object per passage
      medlineplus-<hash16>.jsonl.gz

Why it is built this way:

* **Crash safety.** Every file is written to a temporary name, fsynced and renamed into
  place (``os.replace`` is atomic on POSIX and Windows), then the directory is fsynced.
  Data files are named by their content hash and the manifest is the single commit point:
  a crash before the manifest is replaced leaves the previous manifest pointing at the
  previous, complete data file. Unreferenced files are swept on the next write.
* **Idempotent re-import.** The hash covers the exact serialised passages. Importing the
  same content again finds the same hash and writes nothing, so ``imported_at`` keeps
  recording when the content actually changed.
* **Integrity.** Loading recomputes the hash and refuses a data file that does not match
  its manifest entry rather than serving truncated or altered text.
* **Determinism.** Records are serialised with sorted keys and gzip is written with a zero
  timestamp and no file name, so equal content gives equal bytes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import hashlib
import json
import os
import re
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from bondmcp.engine.passages import Passage

FORMAT = 1
MANIFEST = "manifest.json"
_LOCK = ".lock"
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_GZIP_LEVEL = 6


class CorpusStoreError(RuntimeError):
    """The store cannot do what was asked; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class CorpusInfo:
    """One manifest entry: what was imported, from where, and under which terms."""

    name: str
    kind: str
    source_path: str
    count: int
    sha256: str
    imported_at: str
    license: str
    attribution: str
    file: str
    skipped: dict[str, int] = field(default_factory=dict)
    renamed: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CorpusInfo:
        return cls(
            name=str(data["name"]),
            kind=str(data["kind"]),
            source_path=str(data["source_path"]),
            count=int(data["count"]),
            sha256=str(data["sha256"]),
            imported_at=str(data["imported_at"]),
            license=str(data["license"]),
            attribution=str(data["attribution"]),
            file=str(data["file"]),
            skipped={str(k): int(v) for k, v in dict(data.get("skipped") or {}).items()},
            renamed=int(data.get("renamed") or 0),
        )


@dataclass(frozen=True, slots=True)
class SaveResult:
    info: CorpusInfo
    #: False when the same content was already stored and nothing was written.
    changed: bool


@dataclass(frozen=True, slots=True)
class StoredPassage:
    passage: Passage
    category: str


def validate_name(name: str) -> str:
    if not _NAME_RE.match(name):
        raise CorpusStoreError(
            f"invalid corpus name {name!r}: use 1-64 lowercase letters, digits, '-' or '_'"
        )
    return name


def encode_record(passage: Passage, category: str) -> bytes:
    """One passage as a canonical JSON line (sorted keys, no spaces, UTF-8)."""
    record = {
        "source_id": passage.source_id,
        "topic_id": passage.topic_id,
        "title": passage.title,
        "section": passage.section,
        "text": passage.text,
        "url": passage.url,
        "publisher": passage.publisher,
        "aliases": list(passage.aliases),
        "attribution": passage.attribution,
        "origin": passage.origin,
        "question": passage.question,
        "category": category,
    }
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _decode(line: bytes, intern: Callable[[str], str]) -> StoredPassage:
    """One JSON line back into a passage; repeated strings (titles, URLs, credits) shared."""
    record = json.loads(line)
    attribution = record.get("attribution")
    passage = Passage(
        source_id=record["source_id"],
        topic_id=intern(record["topic_id"]),
        title=intern(record["title"]),
        section=intern(record["section"]),
        text=record["text"],
        url=intern(record["url"]),
        publisher=intern(record["publisher"]),
        aliases=tuple(intern(a) for a in record.get("aliases") or ()),
        attribution=intern(attribution) if attribution is not None else None,
        origin=intern(record["origin"]),
        question=record.get("question"),
    )
    return StoredPassage(passage, intern(record.get("category") or ""))


def content_hash(passages: Sequence[Passage], categories: Mapping[str, str]) -> str:
    """The sha256 a set of passages would be stored under."""
    digest = hashlib.sha256()
    for line in _lines(passages, categories):
        digest.update(line)
    return digest.hexdigest()


def _lines(passages: Sequence[Passage], categories: Mapping[str, str]) -> Iterator[bytes]:
    for passage in passages:
        yield encode_record(passage, categories.get(passage.source_id, "")) + b"\n"


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":  # Windows cannot open a directory; os.replace is durable there
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Write ``path`` all-or-nothing: temp file, fsync, ``os.replace``, fsync the folder."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with tmp.open("xb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


@contextlib.contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    """Serialise writers (two imports at once) with an advisory lock where the OS has one."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    with lock_path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class CorpusStore:
    """Imported corpora under ``data_dir/corpora``. Reads never create anything."""

    def __init__(self, data_dir: Path) -> None:
        self.root = Path(data_dir) / "corpora"

    # -- reading -------------------------------------------------------------------------

    def _manifest(self) -> dict[str, CorpusInfo]:
        path = self.root / MANIFEST
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise CorpusStoreError(f"cannot read {path}: {exc}") from None
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise CorpusStoreError(f"{path}: unknown manifest format")
        try:
            return {
                name: CorpusInfo.from_json(entry) for name, entry in dict(raw["corpora"]).items()
            }
        except (KeyError, TypeError, ValueError) as exc:
            raise CorpusStoreError(f"{path}: malformed entry ({exc})") from None

    def corpora(self) -> list[CorpusInfo]:
        """Every manifest entry, by name."""
        return [info for _, info in sorted(self._manifest().items())]

    def get(self, name: str) -> CorpusInfo | None:
        return self._manifest().get(name)

    def records(self, name: str) -> list[StoredPassage]:
        """Every stored passage of one corpus with its category, verified against its hash."""
        info = self.get(name)
        if info is None:
            raise CorpusStoreError(f"no imported corpus named {name!r}")
        return self._read(info)

    def load(self, name: str) -> list[Passage]:
        return [stored.passage for stored in self.records(name)]

    def load_all(self) -> list[Passage]:
        """The passages of every imported corpus, corpora in name order."""
        return [stored.passage for info in self.corpora() for stored in self._read(info)]

    def _read(self, info: CorpusInfo) -> list[StoredPassage]:
        """Stream the data file line by line (no whole-file copy in memory), then verify."""
        path = self.root / info.file
        digest = hashlib.sha256()
        interned: dict[str, str] = {}

        def intern(value: str) -> str:
            return interned.setdefault(value, value)

        stored: list[StoredPassage] = []
        try:
            with gzip.open(path, "rb") as lines:
                for line in lines:
                    digest.update(line)
                    stored.append(_decode(line, intern))
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise CorpusStoreError(f"corpus {info.name!r}: cannot read {path}: {exc}") from None
        except (ValueError, KeyError, TypeError) as exc:
            raise CorpusStoreError(f"corpus {info.name!r}: malformed record ({exc})") from None
        if digest.hexdigest() != info.sha256:
            raise CorpusStoreError(
                f"corpus {info.name!r}: {path.name} does not match its recorded hash; "
                "import it again"
            )
        return stored

    # -- writing -------------------------------------------------------------------------

    def save(
        self,
        name: str,
        passages: Sequence[Passage],
        *,
        kind: str,
        source_path: str,
        license: str,
        attribution: str,
        categories: Mapping[str, str] | None = None,
        skipped: Mapping[str, int] | None = None,
        renamed: int = 0,
    ) -> SaveResult:
        """Store (or replace) a corpus. Same content as stored already: nothing is written."""
        validate_name(name)
        if not passages:
            raise CorpusStoreError(f"corpus {name!r} has no passages to store")
        ids = [p.source_id for p in passages]
        if len(set(ids)) != len(ids):
            raise CorpusStoreError(f"corpus {name!r} repeats a source_id")
        categories = categories or {}
        payload = b"".join(_lines(passages, categories))
        digest = hashlib.sha256(payload).hexdigest()
        self.root.mkdir(parents=True, exist_ok=True)
        with _exclusive(self.root / _LOCK):
            manifest = self._manifest()
            current = manifest.get(name)
            if (
                current is not None
                and current.sha256 == digest
                and (self.root / current.file).is_file()
            ):
                return SaveResult(current, changed=False)
            info = CorpusInfo(
                name=name,
                kind=kind,
                source_path=source_path,
                count=len(passages),
                sha256=digest,
                imported_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                license=license,
                attribution=attribution,
                file=f"{name}-{digest[:16]}.jsonl.gz",
                skipped=dict(skipped or {}),
                renamed=renamed,
            )
            atomic_write(self.root / info.file, lambda handle: _write_gzip(handle, payload))
            manifest[name] = info
            self._write_manifest(manifest)
            self._sweep(manifest)
        return SaveResult(info, changed=True)

    def remove(self, name: str) -> CorpusInfo:
        """Forget a corpus; its data file goes with it."""
        with _exclusive(self.root / _LOCK) if self.root.is_dir() else contextlib.nullcontext():
            manifest = self._manifest()
            info = manifest.pop(name, None)
            if info is None:
                raise CorpusStoreError(f"no imported corpus named {name!r}")
            self._write_manifest(manifest)
            self._sweep(manifest)
        return info

    def _write_manifest(self, manifest: Mapping[str, CorpusInfo]) -> None:
        body = {
            "format": FORMAT,
            "corpora": {name: manifest[name].to_json() for name in sorted(manifest)},
        }
        text = json.dumps(body, indent=2, ensure_ascii=False) + "\n"
        atomic_write(self.root / MANIFEST, lambda handle: handle.write(text.encode()))

    def _sweep(self, manifest: Mapping[str, CorpusInfo]) -> None:
        """Delete data files the manifest no longer names, and temp files of dead writers."""
        keep = {info.file for info in manifest.values()}
        for path in self.root.iterdir():
            stale_data = path.name.endswith(".jsonl.gz") and path.name not in keep
            stale_temp = path.name.startswith(".") and path.name.endswith(".tmp")
            if stale_data or stale_temp:
                path.unlink(missing_ok=True)


def _write_gzip(handle: IO[bytes], payload: bytes) -> None:
    with gzip.GzipFile(
        filename="", mode="wb", fileobj=handle, compresslevel=_GZIP_LEVEL, mtime=0
    ) as gz:
        gz.write(payload)


def load_all(data_dir: Path | None = None) -> list[Passage]:
    """Every imported passage, for ``HealthEngine.builtin(extra=...)``.

    ``data_dir`` defaults to ``BONDMCP_DATA_DIR`` (via :func:`bondmcp.settings.load_settings`).
    Returns an empty list when nothing has been imported.
    """
    if data_dir is None:
        from bondmcp.settings import load_settings

        data_dir = load_settings().data_dir
    return CorpusStore(data_dir).load_all()


__all__ = [
    "CorpusInfo",
    "CorpusStore",
    "CorpusStoreError",
    "SaveResult",
    "StoredPassage",
    "content_hash",
    "load_all",
    "validate_name",
]
