from pathlib import Path

import pytest

from rag.documents import Skip, decode, read_document


def test_decode_utf8_cp1252_and_utf16() -> None:
    assert decode("naïve café".encode()) == ("naïve café", "utf-8")
    text, _ = decode("naïve café — déjà vu, garçon, cœur".encode("cp1252"))
    assert text == "naïve café — déjà vu, garçon, cœur"
    assert decode("café".encode("cp1252")) == ("café", "cp1252")
    assert decode("Привет, как дела? Это тест.".encode("cp1251"))[0] == "Привет, как дела? Это тест."
    assert decode("hello\r\nworld".encode("utf-16"))[0] == "hello\nworld"
    assert decode("\ufeffbom".encode())[0] == "bom"


def test_offsets_match_open_read(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("First line here.\r\nSecond line — with a dash.\r\n".encode("cp1252"))
    doc = read_document(path, str(path), 10**6)
    assert doc.text == open(path, encoding=doc.encoding).read()


@pytest.mark.parametrize(
    "name,data,reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\t\n", "empty"),
        ("binary.txt", b"\x00\x01\x02PNG\x00" * 20, "binary"),
        ("notes.xyz", b"some text", "unknown extension"),
    ],
)
def test_bad_files_are_skipped_with_a_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(Skip, match=reason):
        read_document(path, name, 10**6)


def test_size_limit_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    with pytest.raises(Skip, match="size limit"):
        read_document(path, "big.txt", 100)
