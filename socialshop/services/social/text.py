"""Post text: find #hashtags and @mentions, and split text into safe segments for display.

Nothing here produces HTML: the UI renders each segment as text or as a link we built ourselves,
so user text can never inject markup, and only http(s) URLs ever become links.
"""

from __future__ import annotations

import re
import unicodedata

from socialshop import routes
from socialshop.schemas.social import TextSegment

TAG_MAX = 50


def _combining_marks() -> str:
    """A regex class body of every combining mark (Unicode category M) in the first two planes.

    `\\w` leaves them out, which would cut `#हिन्दी` after one letter and `#cafe\u0301` before its
    accent; a tag may therefore continue with a mark (it still starts with a letter or digit).
    """
    ranges: list[tuple[int, int]] = []
    for code in range(0x20000):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)


_MARKS = _combining_marks()
_TOKEN_RE = re.compile(
    r"(?P<url>https?://[^\s<>\"']+)"
    rf"|(?<![\w#{_MARKS}])#(?P<tag>[^\W_][\w{_MARKS}]{{0,{TAG_MAX - 1}}})"
    # A username ends where a Latin word does: "@" + 40 letters, "@oleké" (either way of typing é)
    # name nobody rather than a prefix; other scripts may follow directly, as in "@maraさん".
    rf"|(?<![\w@])@(?P<mention>[a-z0-9_]{{3,30}})(?![a-z0-9_@\u00c0-\u024f{_MARKS}])",
    re.IGNORECASE | re.UNICODE,
)


def extract_tags(text: str) -> list[str]:
    """Distinct hashtags in order of appearance, as `normalize_tag` spells them."""
    seen: dict[str, None] = {}
    for match in _TOKEN_RE.finditer(text):
        if match.group("tag"):
            seen.setdefault(normalize_tag(match.group("tag")), None)
    return list(seen)


def extract_mentions(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for match in _TOKEN_RE.finditer(text):
        if match.group("mention"):
            seen.setdefault(match.group("mention").lower(), None)
    return list(seen)


def normalize_tag(raw: str) -> str:
    """One spelling per tag: lowercase, composed (NFC), so "#Café" typed either way is one tag."""
    return unicodedata.normalize("NFC", raw.strip().lstrip("#")).lower()[:TAG_MAX]


def segments(text: str) -> list[TextSegment]:
    """Split text into plain, tag, mention and url pieces, in order."""
    out: list[TextSegment] = []
    position = 0
    for match in _TOKEN_RE.finditer(text):
        if match.start() > position:
            out.append(TextSegment(kind="text", text=text[position : match.start()]))
        if url := match.group("url"):
            trimmed = url.rstrip(".,!?;:)")
            out.append(TextSegment(kind="url", text=trimmed, href=trimmed))
            if len(trimmed) < len(url):
                out.append(TextSegment(kind="text", text=url[len(trimmed) :]))
        elif tag := match.group("tag"):
            out.append(TextSegment(kind="tag", text=f"#{tag}", href=routes.tag_url(normalize_tag(tag))))
        elif mention := match.group("mention"):
            out.append(TextSegment(kind="mention", text=f"@{mention}", href=routes.profile_url(mention.lower())))
        position = match.end()
    if position < len(text):
        out.append(TextSegment(kind="text", text=text[position:]))
    return out
