"""The one way every text file is read (sales, events, weather, stock lists): its encoding found.

It sits in `calendars` because that is the bottom layer: the event and weather readers use it as
well as the sales and stock-list importers above. Order of evidence: a byte-order mark; UTF-16
without one (every other byte zero); UTF-8 if the whole file decodes; else the single-byte code
page of a German office, chosen by charset-normalizer among a short list (`SINGLE_BYTE`), with
German letters deciding between candidates it finds equally plausible: a DOS-era export in code
page 850 has "Brötchen" where Windows-1252 would read "Br”tchen".
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

#: The code pages a German or Swiss back-office file comes in, when it is not UTF-8 or UTF-16:
#: Windows (1252), DOS (850) and ISO Latin-1. Nothing else is considered.
SINGLE_BYTE = ("cp1252", "cp850", "latin_1")
#: Every encoding this module can return (the import wizard offers these as a choice).
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "cp850",
             "latin-1")
_GERMAN = frozenset("äöüÄÖÜßéèêàâçÉ€§°²³µ½«»")
_NON_ASCII = re.compile(rb"[\x80-\xff]")
#: How many bytes of lines with non-ASCII characters are judged (enough for any real file).
SAMPLE_BYTES = 1 << 20
_CHUNK = 1 << 20


def detect_encoding(path: Path) -> str:
    """The encoding of a text file, from its bytes (see the module docstring for the order)."""
    with open(path, "rb") as fh:
        head = fh.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        if len(head) >= 4 and head[1] == 0 and head[3] == 0 and head[0] and head[2]:
            return "utf-16-le"
        if len(head) >= 4 and head[0] == 0 and head[2] == 0 and head[1] and head[3]:
            return "utf-16-be"
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := fh.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError:
            pass
        fh.seek(0)
        return single_byte_encoding(_non_ascii_lines(fh))


def _non_ascii_lines(fh) -> bytes:  # type: ignore[no-untyped-def]
    """The file's lines that hold non-ASCII bytes, up to SAMPLE_BYTES (the only evidence)."""
    found: list[bytes] = []
    size = 0
    rest = b""
    while size < SAMPLE_BYTES and (chunk := fh.read(_CHUNK)):
        chunk = rest + chunk
        cut = chunk.rfind(b"\n") + 1 or len(chunk)
        rest = chunk[cut:]
        size += _collect(chunk[:cut], found)
    if rest and size < SAMPLE_BYTES:
        _collect(rest, found)
    return b"\n".join(found)[:SAMPLE_BYTES]


def _collect(block: bytes, found: list[bytes]) -> int:
    """Append the lines of `block` that hold a non-ASCII byte; returns their length."""
    size = 0
    position = 0
    while (match := _NON_ASCII.search(block, position)) is not None:
        start = block.rfind(b"\n", 0, match.start()) + 1
        end = block.find(b"\n", match.end())
        end = len(block) if end < 0 else end
        found.append(block[start:end])
        size += end - start + 1
        position = end + 1
    return size


def _german_share(text: str) -> float:
    """The share of non-ASCII characters that are letters and signs German text uses."""
    wide = [c for c in text if ord(c) > 127]
    return sum(c in _GERMAN for c in wide) / len(wide) if wide else 0.0


def single_byte_encoding(sample: bytes) -> str:
    """The most plausible of SINGLE_BYTE for the sample (Latin-1 decodes anything: the last
    resort)."""
    from charset_normalizer import from_bytes

    if not sample:
        return "cp1252"
    matches = from_bytes(sample, cp_isolation=list(SINGLE_BYTE), threshold=1.0)
    if not matches:
        return "latin-1"
    best = max(matches, key=lambda m: (round(_german_share(str(m)), 2), -m.chaos))
    return {"latin_1": "latin-1"}.get(best.encoding, best.encoding)


def read_text(path: Path) -> str:
    """The whole text of a file in its detected encoding (line ends kept as written)."""
    raw = Path(path).read_bytes()
    encoding = detect_encoding(Path(path))
    return raw.decode(encoding, errors="replace")
