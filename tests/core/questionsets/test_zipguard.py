"""The zip guard refuses archives that would inflate past its limits, before inflating them."""

from __future__ import annotations

import io
import zipfile

import pytest

from studyapp.core.questionsets.zipguard import (
    ZipLimits,
    ZipRefused,
    iter_member,
    open_zip,
    read_member,
)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_normal_archive_opens_and_reads() -> None:
    data = _zip({"a.xml": b"<a>hello</a>", "b.xml": b"<b/>"})
    with open_zip(data) as archive:
        assert read_member(archive, "a.xml") == b"<a>hello</a>"
        assert b"".join(iter_member(archive, "b.xml")) == b"<b/>"


def test_not_a_zip_is_refused_with_a_message() -> None:
    with pytest.raises(ZipRefused, match="not a readable zip") as refused:
        open_zip(b"PK\x03\x04 this is no archive")
    assert refused.value.damaged


def test_a_member_inflating_past_the_limit_is_refused() -> None:
    data = _zip({"big.xml": b"<c/>" * 300_000})  # 1.2 MB, compresses to a few KB
    with pytest.raises(ZipRefused, match="big.xml") as refused:
        open_zip(data, ZipLimits(member_bytes=1_000_000))
    assert not refused.value.damaged


def test_the_total_is_bounded_too() -> None:
    data = _zip({f"{n}.xml": b"x" * 400_000 for n in range(3)})
    with pytest.raises(ZipRefused, match="inflates to"):
        open_zip(data, ZipLimits(member_bytes=500_000, total_bytes=1_000_000))


def test_an_absurd_compression_ratio_is_refused() -> None:
    data = _zip({"bomb.xml": b"\0" * 3_000_000})
    with pytest.raises(ZipRefused, match="times"):
        open_zip(data, ZipLimits(ratio=100, ratio_floor=1_000_000))


def test_too_many_members_are_refused() -> None:
    data = _zip({f"{n}": b"" for n in range(30)})
    with pytest.raises(ZipRefused, match="30 parts"):
        open_zip(data, ZipLimits(members=20))


def test_a_member_lying_about_its_size_is_cut_at_the_limit() -> None:
    data = bytearray(_zip({"a.xml": b"y" * 100_000}))
    # Declare 10 bytes in both the local header and the central directory.
    local = data.index(b"PK\x03\x04")
    data[local + 22:local + 26] = (10).to_bytes(4, "little")
    central = data.index(b"PK\x01\x02")
    data[central + 24:central + 28] = (10).to_bytes(4, "little")
    with open_zip(bytes(data)) as archive, pytest.raises(ZipRefused, match="damaged"):
        read_member(archive, "a.xml", limit=50)


def test_read_member_refuses_past_its_own_limit() -> None:
    data = _zip({"a.xml": b"z" * 5000})
    with open_zip(data) as archive, pytest.raises(ZipRefused, match="allowed"):
        read_member(archive, "a.xml", limit=1000)
