"""The content-addressed store of original documents.

A document is stored once per distinct content, under its sha256, read-only.
Nothing here overwrites or deletes a stored original, except
:meth:`BlobStore.discard_new` which removes blobs that an import created and
then abandoned (so a refused bundle leaves no orphan files behind).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class StoredBlob:
    sha256: str
    size: int
    created: bool


def sha256_file(path: Path) -> tuple[str, int]:
    """Return the sha256 hex digest and size of the file at ``path``."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


class BlobStore:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256 digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def open(self, sha256: str):
        return open(self.path_for(sha256), "rb")

    def put_file(self, source: Path, expected_sha256: str | None = None) -> StoredBlob:
        """Copy ``source`` into the store (once per content) and return its address.

        The copy is hashed as it is written, so the stored bytes are exactly
        the bytes the address names even if the source changes meanwhile.
        """
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        try:
            with os.fdopen(fd, "wb") as out, open(source, "rb") as handle:
                while chunk := handle.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            if expected_sha256 is not None and sha != expected_sha256:
                raise ChangedWhileReading(source)
            target = self.path_for(sha)
            if target.exists():
                return StoredBlob(sha, size, created=False)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(tmp_name, 0o444)
            try:
                # link() fails if another writer stored the same content first,
                # which is fine: the content is the same by construction.
                os.link(tmp_name, target)
            except FileExistsError:
                return StoredBlob(sha, size, created=False)
            return StoredBlob(sha, size, created=True)
        finally:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)

    def discard_new(self, created: Iterable[str], still_referenced: Iterable[str]) -> None:
        """Remove blobs this import created, unless something else now references them."""
        keep = set(still_referenced)
        for sha in set(created) - keep:
            path = self.path_for(sha)
            if path.exists():
                path.unlink()

    def all_digests(self) -> set[str]:
        if not self.root.exists():
            return set()
        return {p.name for p in self.root.glob("*/*/*") if p.is_file()}


class ChangedWhileReading(OSError):
    def __init__(self, source: Path) -> None:
        super().__init__(f"{source.name} changed while it was being read; import it again")
