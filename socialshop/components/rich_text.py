"""User text as safe pieces: plain text, or links we built (#tags, @mentions, http(s) URLs)."""

from __future__ import annotations

import reflex as rx

from socialshop.schemas.social import TextSegment


def _segment(segment: TextSegment) -> rx.Component:
    return rx.match(
        segment.kind,
        ("tag", rx.link(segment.text, href=segment.href, weight="medium")),
        ("mention", rx.link(segment.text, href=segment.href, weight="medium")),
        (
            "url",
            rx.link(segment.text, href=segment.href, is_external=True, rel="noopener noreferrer nofollow ugc"),
        ),
        rx.text.span(segment.text),
    )


def rich_text(segments: rx.Var[list[TextSegment]], size: str = "3", **props) -> rx.Component:
    return rx.text(
        rx.foreach(segments, _segment),
        size=size,
        white_space="pre-wrap",
        class_name="post-text",
        **props,
    )
