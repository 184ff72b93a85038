"""Post text: find #hashtags and @mentions, and split text into safe segments for display.

Nothing here produces HTML: the UI renders each segment as text or as a link we built ourselves,
so user text can never inject markup, and only http(s) URLs ever become links.
"""

from __future__ import annotations

import re

from socialshop import routes
from socialshop.schemas.social import TextSegment

TAG_MAX = 50
_TOKEN_RE = re.compile(
    r"(?P<url>https?://[^\s<>\"']+)"
    r"|(?<![\w#])#(?P<tag>[^\W_][\w]{0,49})"
    r"|(?<![\w@])@(?P<mention>[a-z0-9_]{3,30})",
    re.IGNORECASE | re.UNICODE,
)


def extract_tags(text: str) -> list[str]:
    """Distinct lowercase hashtags in order of appearance."""
    seen: dict[str, None] = {}
    for match in _TOKEN_RE.finditer(text):
        if match.group("tag"):
            seen.setdefault(match.group("tag").lower()[:TAG_MAX], None)
    return list(seen)


def extract_mentions(text: str) -> list[str]:
    seen: dict[str, None] = {}
    for match in _TOKEN_RE.finditer(text):
        if match.group("mention"):
            seen.setdefault(match.group("mention").lower(), None)
    return list(seen)


def normalize_tag(raw: str) -> str:
    return raw.strip().lstrip("#").lower()[:TAG_MAX]


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
            out.append(TextSegment(kind="tag", text=f"#{tag}", href=routes.tag_url(tag.lower())))
        elif mention := match.group("mention"):
            out.append(TextSegment(kind="mention", text=f"@{mention}", href=routes.profile_url(mention.lower())))
        position = match.end()
    if position < len(text):
        out.append(TextSegment(kind="text", text=text[position:]))
    return out
