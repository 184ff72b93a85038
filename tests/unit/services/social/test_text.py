"""Post text: hashtags and mentions are found, and display segments can never become markup or a
script link."""

from __future__ import annotations

import pytest

from socialshop import routes
from socialshop.services.social.text import extract_mentions, extract_tags, normalize_tag, segments


def kinds(text: str) -> list[tuple[str, str, str]]:
    return [(s.kind, s.text, s.href) for s in segments(text)]


# --- hashtags and mentions --------------------------------------------------------------------


def test_hashtags_are_lowercase_unique_and_in_order() -> None:
    assert extract_tags("#Sneakers and #vintage, #SNEAKERS again #Vintage!") == ["sneakers", "vintage"]


def test_hashtag_needs_a_letter_or_digit_after_the_hash_and_no_word_before_it() -> None:
    assert extract_tags("C# is fun, issue#12, ## and #_under #2024") == ["2024"]


def test_unicode_hashtags_are_found() -> None:
    assert extract_tags("#Café #Øl") == ["café", "øl"]


def test_hashtags_keep_their_combining_marks() -> None:
    # Indic vowel signs and a decomposed accent are combining marks, which `\\w` alone leaves out.
    assert extract_tags("#हिन्दी #தமிழ் #cafe\u0301") == ["हिन्दी", "தமிழ்", "café"]


def test_a_tag_typed_with_a_decomposed_accent_is_the_same_tag() -> None:
    assert extract_tags("#Cafe\u0301 and #Café") == ["café"]
    assert normalize_tag("cafe\u0301") == normalize_tag("Café") == "café"
    assert kinds("#cafe\u0301")[0][2] == routes.tag_url("café")


def test_hashtags_are_cut_to_50_characters() -> None:
    assert extract_tags("#" + "a" * 80) == ["a" * 50]


def test_mentions_are_lowercase_unique_and_in_order() -> None:
    assert extract_mentions("@Olek and @mara_k, thanks @OLEK") == ["olek", "mara_k"]


def test_email_addresses_and_short_names_are_not_mentions() -> None:
    assert extract_mentions("write to shop@example.test or @ab") == []


def test_a_mention_is_a_whole_username_never_a_prefix_of_a_longer_word() -> None:
    assert extract_mentions("@" + "a" * 35 + " and @oleké and @oleke\u0301 and @olek_2x") == ["olek_2x"]
    assert extract_mentions("@maraさん, @olekさま") == ["mara", "olek"]  # an honorific needs no space
    assert extract_mentions("thanks @olek. and @mara!") == ["olek", "mara"]


def test_normalize_tag_strips_hash_space_and_case() -> None:
    assert normalize_tag("  #Sneakers ") == "sneakers"


# --- display segments -------------------------------------------------------------------------


def test_segments_link_tags_mentions_and_web_addresses() -> None:
    assert kinds("New #Drop by @Olek at https://shop.example.test/a?b=1.") == [
        ("text", "New ", ""),
        ("tag", "#Drop", routes.tag_url("drop")),
        ("text", " by ", ""),
        ("mention", "@Olek", routes.profile_url("olek")),
        ("text", " at ", ""),
        ("url", "https://shop.example.test/a?b=1", "https://shop.example.test/a?b=1"),
        ("text", ".", ""),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "click javascript://%0Aalert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
    ],
)
def test_script_and_data_addresses_never_become_links(text: str) -> None:
    assert all(s.kind == "text" for s in segments(text))
    assert "".join(s.text for s in segments(text)) == text


def test_markup_stays_plain_text() -> None:
    assert kinds("<b>bold</b> <script>alert(1)</script>") == [
        ("text", "<b>bold</b> <script>alert(1)</script>", ""),
    ]


def test_a_link_stops_at_quotes_and_angle_brackets() -> None:
    [url] = [
        s for s in segments('see https://x.example.test/"><img src=x onerror=alert(1)>') if s.kind == "url"
    ]

    assert url.href == "https://x.example.test/"


@pytest.mark.parametrize(
    "text",
    [
        "plain words",
        "#tag @mention https://a.example.test/path) (https://b.example.test).",
        "a#b c@def #x#y @@double ##two\nnew line\ttab",
        "<b>not bold</b> javascript:void(0) http://ok.example.test",
        "",
    ],
)
def test_segments_keep_every_character_in_order(text: str) -> None:
    assert "".join(s.text for s in segments(text)) == text


def test_every_link_is_one_we_built() -> None:
    text = "#ok @someone http://a.example.test https://b.example.test javascript:x ftp://c.example.test"

    hrefs = [s.href for s in segments(text) if s.kind != "text"]

    assert hrefs == [
        routes.tag_url("ok"),
        routes.profile_url("someone"),
        "http://a.example.test",
        "https://b.example.test",
    ]
    assert all(s.href == "" for s in segments(text) if s.kind == "text")
