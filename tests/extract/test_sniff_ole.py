"""OLE containers are told apart by the names directly under their root."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import olefile
import pytest
from extract_builders import Storage, simple_msg, write_compound_file

from workbench.extract.readers.cfb import top_level_names
from workbench.extract.sniff import sniff_bytes

SAMPLES = Path(__file__).resolve().parents[2] / "sample_poe"


def olefile_names(data: bytes) -> set[str]:
    ole = olefile.OleFileIO(io.BytesIO(data))
    try:
        return {entry[0] for entry in ole.listdir(streams=True, storages=True)}
    finally:
        ole.close()


@pytest.mark.parametrize(
    ("pattern", "kind"),
    [("*/*.xls", "xls"), ("*/*.doc", "doc"), ("*/*.ppt", "ppt"), ("*/*.msg", "msg")],
)
def test_names_match_olefile_on_documents_made_by_real_writers(pattern, kind):
    paths = sorted(SAMPLES.glob(pattern))
    assert paths
    for path in paths:
        data = path.read_bytes()
        names = top_level_names(data)
        assert names is not None, path.name
        assert set(names) == olefile_names(data), path.name
        assert sniff_bytes(data).kind == kind


def test_a_message_with_attachments_lists_only_its_top_level():
    data = simple_msg("Sign-off", "See the notes.", attachments=[("notes.txt", b"attached text")])
    names = top_level_names(data)
    assert names is not None and set(names) == olefile_names(data)
    assert any(name.startswith("__attach_version1.0_") for name in names)
    assert not any(name.startswith("__substg1.0_3701") for name in names)  # inside the attachment
    assert sniff_bytes(data).kind == "msg"


def test_streams_inside_storages_do_not_decide_the_kind():
    root = Storage()
    root.stream("Workbook", b"\x09\x08" + b"\x00" * 30)
    root.storage("MBD00000001").stream("WordDocument", b"\x00" * 64)  # an embedded Word object
    data = write_compound_file(root)
    assert sorted(top_level_names(data)) == ["MBD00000001", "Workbook"]
    assert sniff_bytes(data).kind == "xls"


def _entry_offset(data: bytes, index: int) -> int:
    directory_start = struct.unpack_from("<I", data, 48)[0]
    return 512 * (directory_start + 1) + 128 * index


@pytest.mark.parametrize(
    ("field", "value"),
    [(72, 1), (72, 0), (76, 10_000), (66, 0)],  # right sibling: itself, the root; child: outside
    ids=["loop", "root-in-tree", "outside", "unused-entry"],
)
def test_an_irregular_directory_tree_is_left_to_olefile(field, value):
    root = Storage()
    root.stream("WordDocument", b"\x00" * 64).stream("1Table", b"\x00" * 64)
    data = bytearray(write_compound_file(root))
    if field == 66:  # the first child's entry type: unused
        struct.pack_into("<B", data, _entry_offset(data, 1) + field, 0)
    else:
        entry = 0 if field == 76 else 1
        struct.pack_into("<I", data, _entry_offset(data, entry) + field, value)
    assert top_level_names(bytes(data)) is None
    sniffed = sniff_bytes(bytes(data))  # olefile's reading decides, without a hang or a crash
    assert sniffed.kind in {"doc", "ole", "ole-corrupt"}


def test_not_a_regular_container():
    assert top_level_names(b"not an OLE file" * 100) is None
    assert top_level_names(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100) is None


def _reused_first_sector(data: bytes, name: str, like: str) -> bytes:
    """``data`` with stream ``name`` starting at the sector where stream ``like`` starts."""
    out = bytearray(data)
    directory = (struct.unpack_from("<I", data, 48)[0] + 1) * 512
    offsets = {}
    for offset in range(directory, len(data) - 127, 128):
        length = struct.unpack_from("<H", data, offset + 64)[0]
        if 2 <= length <= 64:
            offsets[data[offset : offset + length - 2].decode("utf-16-le", "replace")] = offset
    out[offsets[name] + 116 : offsets[name] + 120] = data[offsets[like] + 116 : offsets[like] + 120]
    return bytes(out)


def _issues(data: bytes, check) -> list[str]:
    saved = olefile.OleFileIO._check_duplicate_stream
    olefile.OleFileIO._check_duplicate_stream = check
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
        ole.close()
        return [message for _type, message in ole.parsing_issues]
    finally:
        olefile.OleFileIO._check_duplicate_stream = saved


def test_shared_first_sectors_are_reported_as_olefile_reports_them():
    from workbench.extract import olefile_sets

    assert olefile.OleFileIO._check_duplicate_stream is olefile_sets._check_duplicate_stream
    root = Storage()
    root.stream("Big one", b"a" * 5000).stream("Big two", b"b" * 5000)
    root.stream("small one", b"c" * 100).stream("small two", b"d" * 100)
    clean = write_compound_file(root)
    for data, expected in (
        (clean, []),
        (_reused_first_sector(clean, "Big two", "Big one"), ["Stream referenced twice"]),
        (_reused_first_sector(clean, "small two", "small one"), ["Stream referenced twice"]),
    ):
        assert _issues(data, olefile_sets.ORIGINAL) == expected
        assert _issues(data, olefile_sets._check_duplicate_stream) == expected


def test_a_message_with_many_recipients_opens_the_same(corpus):
    from workbench.extract import olefile_sets

    path = corpus / "apache-poi/hsmf/lots-of-recipients.msg"
    if not path.is_file():
        pytest.skip("lots-of-recipients.msg not in the corpus")
    data = path.read_bytes()
    opened = {}
    for label, check in (
        ("olefile", olefile_sets.ORIGINAL),
        ("ours", olefile_sets._check_duplicate_stream),
    ):
        saved = olefile.OleFileIO._check_duplicate_stream
        olefile.OleFileIO._check_duplicate_stream = check
        try:
            ole = olefile.OleFileIO(io.BytesIO(data))
            opened[label] = (ole.listdir(streams=True, storages=True), ole.parsing_issues)
            ole.close()
        finally:
            olefile.OleFileIO._check_duplicate_stream = saved
    assert len(opened["ours"][0]) > 9_000
    assert opened["ours"] == opened["olefile"]
