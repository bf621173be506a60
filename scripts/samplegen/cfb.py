"""A small writer for Compound File Binary files ([MS-CFB], version 3).

It writes what Outlook and the legacy Office formats expect: 512-byte sectors, a mini stream
(64-byte mini sectors) for streams under 4096 bytes, a FAT and a mini FAT, and one red-black
tree of directory entries per storage. Every timestamp is zero or given by the caller, so the
same input always gives the same bytes.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

SECTOR_SIZE = 512
MINI_SECTOR_SIZE = 64
MINI_STREAM_CUTOFF = 4096
ENTRIES_PER_FAT_SECTOR = SECTOR_SIZE // 4
HEADER_DIFAT_SLOTS = 109

FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF

SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")

TYPE_STORAGE = 1
TYPE_STREAM = 2
TYPE_ROOT = 5
RED = 0
BLACK = 1


@dataclass
class _Node:
    name: str
    kind: int
    data: bytes = b""
    clsid: bytes = bytes(16)
    filetime: int = 0
    children: dict[str, _Node] = field(default_factory=dict)
    # filled in by the layout
    did: int = -1
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    color: int = BLACK
    start: int = ENDOFCHAIN


def _sort_key(name: str) -> tuple[int, str]:
    """Order names as [MS-CFB] 2.6.4 does: shorter first, then upper-cased code units."""
    return (len(name.encode("utf-16-le")) // 2, name.upper())


class CompoundFile:
    """Collect storages and streams, then serialise them with :meth:`to_bytes`."""

    def __init__(self, root_clsid: bytes = bytes(16)) -> None:
        if len(root_clsid) != 16:
            raise ValueError("a CLSID is 16 bytes")
        self._root = _Node("Root Entry", TYPE_ROOT, clsid=root_clsid)

    def _parent(self, parts: list[str], create: bool) -> _Node:
        node = self._root
        for part in parts:
            child = node.children.get(part)
            if child is None:
                if not create:
                    raise KeyError("/".join(parts))
                child = _Node(part, TYPE_STORAGE)
                node.children[part] = child
            if child.kind != TYPE_STORAGE:
                raise ValueError(f"{part!r} is a stream, not a storage")
            node = child
        return node

    @staticmethod
    def _check_name(name: str) -> None:
        if not name or len(name) > 31 or any(c in name for c in "/\\:!"):
            raise ValueError(f"invalid compound file entry name {name!r}")

    def add_storage(self, path: str, clsid: bytes = bytes(16), filetime: int = 0) -> None:
        """Create the storage at ``path`` ("a/b"), with its parents."""
        parts = path.split("/")
        for part in parts:
            self._check_name(part)
        node = self._parent(parts, create=True)
        node.clsid = clsid
        node.filetime = filetime

    def add_stream(self, path: str, data: bytes) -> None:
        """Add the stream at ``path``; parent storages are created as needed."""
        parts = path.split("/")
        for part in parts:
            self._check_name(part)
        parent = self._parent(parts[:-1], create=True)
        if parts[-1] in parent.children:
            raise ValueError(f"duplicate entry {path!r}")
        parent.children[parts[-1]] = _Node(parts[-1], TYPE_STREAM, data=bytes(data))

    # -- layout ---------------------------------------------------------------------------

    def _number(self) -> list[_Node]:
        """Give every entry a directory id (pre-order) and link each storage's tree."""
        order: list[_Node] = []

        def visit(node: _Node) -> None:
            node.did = len(order)
            order.append(node)
            for child in sorted(node.children.values(), key=lambda n: _sort_key(n.name)):
                visit(child)

        visit(self._root)
        for node in order:
            if node.kind in (TYPE_STORAGE, TYPE_ROOT) and node.children:
                kids = sorted(node.children.values(), key=lambda n: _sort_key(n.name))
                depth_of: dict[int, int] = {}
                node.child = self._balance(kids, 0, depth_of)
                deepest = max(depth_of.values())
                # All null links of a median-split tree sit on its last two levels, so colouring
                # the deepest level red (when it is not the root) keeps every path's black count
                # equal and never puts a red node under a red one.
                for kid in kids:
                    kid.color = RED if deepest > 0 and depth_of[kid.did] == deepest else BLACK
        return order

    def _balance(self, kids: list[_Node], depth: int, depth_of: dict[int, int]) -> int:
        if not kids:
            return NOSTREAM
        mid = (len(kids) - 1) // 2
        node = kids[mid]
        depth_of[node.did] = depth
        node.left = self._balance(kids[:mid], depth + 1, depth_of)
        node.right = self._balance(kids[mid + 1 :], depth + 1, depth_of)
        return node.did

    def to_bytes(self) -> bytes:
        """Serialise the compound file."""
        order = self._number()
        streams = [n for n in order if n.kind == TYPE_STREAM]
        small = [n for n in streams if 0 < len(n.data) < MINI_STREAM_CUTOFF]
        large = [n for n in streams if len(n.data) >= MINI_STREAM_CUTOFF]

        # mini stream: small streams in 64-byte mini sectors
        mini = bytearray()
        minifat: list[int] = []
        for node in small:
            count = -(-len(node.data) // MINI_SECTOR_SIZE)
            node.start = len(minifat)
            minifat.extend(range(node.start + 1, node.start + count))
            minifat.append(ENDOFCHAIN)
            mini += node.data.ljust(count * MINI_SECTOR_SIZE, b"\0")

        def sectors(nbytes: int) -> int:
            return -(-nbytes // SECTOR_SIZE)

        runs: list[tuple[int, int]] = []  # (first sector, count) of each contiguous chain
        next_sector = 0

        def allocate(count: int) -> int:
            nonlocal next_sector
            first = next_sector
            if count:
                runs.append((first, count))
            next_sector += count
            return first if count else ENDOFCHAIN

        for node in large:
            node.start = allocate(sectors(len(node.data)))
        mini_start = allocate(sectors(len(mini)))
        minifat_bytes = b"".join(struct.pack("<I", v) for v in minifat)
        minifat_sectors = sectors(len(minifat_bytes))
        minifat_start = allocate(minifat_sectors)
        dir_sectors = sectors(len(order) * 128)
        dir_start = allocate(dir_sectors)

        data_sectors = next_sector
        fat_sectors = 1
        while data_sectors + fat_sectors > fat_sectors * ENTRIES_PER_FAT_SECTOR:
            fat_sectors += 1
        if fat_sectors > HEADER_DIFAT_SLOTS:
            raise ValueError("file too large for a header-only DIFAT")
        fat_start = data_sectors

        fat = [FREESECT] * (fat_sectors * ENTRIES_PER_FAT_SECTOR)
        for first, count in runs:
            for i in range(first, first + count - 1):
                fat[i] = i + 1
            fat[first + count - 1] = ENDOFCHAIN
        for i in range(fat_start, fat_start + fat_sectors):
            fat[i] = FATSECT

        root = self._root
        root.start = mini_start
        root.data = bytes(mini)  # only its length is written for the root

        directory = bytearray()
        for node in order:
            directory += self._dir_entry(node)
        while len(directory) % SECTOR_SIZE:
            directory += self._unused_entry()

        difat = list(range(fat_start, fat_start + fat_sectors))
        difat += [FREESECT] * (HEADER_DIFAT_SLOTS - len(difat))
        header = struct.pack(
            "<8s16sHHHHH6sIIIIIIIII",
            SIGNATURE,
            bytes(16),
            0x003E,  # minor version
            0x0003,  # major version 3: 512-byte sectors
            0xFFFE,  # little-endian
            9,  # sector shift: 2**9
            6,  # mini sector shift: 2**6
            bytes(6),
            0,  # directory sectors: always 0 in version 3
            fat_sectors,
            dir_start,
            0,  # transaction signature
            MINI_STREAM_CUTOFF,
            minifat_start if minifat_sectors else ENDOFCHAIN,
            minifat_sectors,
            ENDOFCHAIN,  # no DIFAT sectors
            0,
        ) + struct.pack("<109I", *difat)
        assert len(header) == SECTOR_SIZE

        out = bytearray(header)

        def put(blob: bytes) -> None:
            out.extend(blob)
            if len(out) % SECTOR_SIZE:
                out.extend(b"\0" * (SECTOR_SIZE - len(out) % SECTOR_SIZE))

        for node in large:
            put(node.data)
        put(bytes(mini))
        put(minifat_bytes.ljust(minifat_sectors * SECTOR_SIZE, b"\xff"))  # FREESECT padding
        put(bytes(directory))
        put(b"".join(struct.pack("<I", v) for v in fat))
        assert len(out) == SECTOR_SIZE * (1 + data_sectors + fat_sectors)
        return bytes(out)

    @staticmethod
    def _dir_entry(node: _Node) -> bytes:
        name = node.name.encode("utf-16-le")
        size = len(node.data) if node.kind != TYPE_STORAGE else 0
        start = node.start if node.kind != TYPE_STORAGE and size else ENDOFCHAIN
        if node.kind == TYPE_STORAGE:
            start = 0
        times = node.filetime if node.kind == TYPE_STORAGE else 0
        return struct.pack(
            "<64sHBBIII16sIQQIQ",
            (name + b"\0\0").ljust(64, b"\0"),
            len(name) + 2,
            node.kind,
            node.color,
            node.left,
            node.right,
            node.child,
            node.clsid if node.kind != TYPE_STREAM else bytes(16),
            0,  # state bits
            times,
            times,
            start,
            size,
        )

    @staticmethod
    def _unused_entry() -> bytes:
        return struct.pack(
            "<64sHBBIII16sIQQIQ",
            bytes(64),
            0,
            0,
            0,
            NOSTREAM,
            NOSTREAM,
            NOSTREAM,
            bytes(16),
            0,
            0,
            0,
            0,
            0,
        )
