"""The For You formula: every factor pulls the way the product asks, and bad input cannot break it."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import text
from sqlmodel import Session

from socialshop.services.dialects import dialect_of
from socialshop.services.social import ranking
from socialshop.services.social.ranking import RankInput, for_you_score, for_you_score_sql

PLAIN = RankInput(age_hours=5, likes=3, comments=1)


def score(**changes: object) -> float:
    return for_you_score(dataclasses.replace(PLAIN, **changes))


def test_newer_beats_older_at_equal_engagement() -> None:
    assert score(age_hours=1) > score(age_hours=2)


@pytest.mark.parametrize("signal", ["likes", "comments", "reposts", "saves"])
def test_more_engagement_beats_less_at_the_same_age(signal: str) -> None:
    assert score(**{signal: getattr(PLAIN, signal) + 1}) > score()


def test_a_comment_weighs_more_than_a_like() -> None:
    assert score(comments=2, likes=0) > score(comments=0, likes=2)


def test_engagement_has_diminishing_returns() -> None:
    first_ten = for_you_score(RankInput(age_hours=1, likes=10)) - for_you_score(
        RankInput(age_hours=1, likes=0)
    )
    next_ten = for_you_score(RankInput(age_hours=1, likes=20)) - for_you_score(
        RankInput(age_hours=1, likes=10)
    )

    assert 0 < next_ten < first_ten


def test_followed_author_is_boosted() -> None:
    assert score(follows_author=True) == pytest.approx(score() * ranking.FOLLOW_BOOST)


def test_seen_post_is_penalised() -> None:
    assert score(seen=True) == pytest.approx(score() * ranking.SEEN_PENALTY)
    assert score(seen=True) < score()


def test_photos_are_boosted() -> None:
    assert score(has_photos=True) == pytest.approx(score() * ranking.PHOTO_BOOST)


def test_a_fresh_post_with_no_engagement_still_scores_above_zero() -> None:
    assert for_you_score(RankInput(age_hours=0)) > 0


def test_score_decays_monotonically_with_age() -> None:
    ages = [0, 0.25, 1, 2, 6, 24, 72, 24 * 7, 24 * 30]

    scores = [score(age_hours=age) for age in ages]

    assert all(older < newer for newer, older in zip(scores, scores[1:], strict=False))
    assert scores[-1] > 0


def test_big_engagement_can_outrank_a_newer_post() -> None:
    assert for_you_score(RankInput(age_hours=6, likes=200)) > for_you_score(RankInput(age_hours=1))


@pytest.mark.parametrize("signal", ["likes", "comments", "reposts", "saves"])
def test_negative_counts_are_treated_as_zero(signal: str) -> None:
    assert for_you_score(RankInput(age_hours=3, **{signal: -50})) == for_you_score(RankInput(age_hours=3))


def test_negative_age_from_clock_skew_counts_as_brand_new() -> None:
    assert for_you_score(RankInput(age_hours=-3)) == for_you_score(RankInput(age_hours=0))


def test_the_formula_matches_its_documented_numbers() -> None:
    item = RankInput(
        age_hours=2, likes=1, comments=1, reposts=1, saves=1, follows_author=True, has_photos=True
    )

    expected = (1 + 1 + 3 + 4 + 2) ** 0.8 * 1.8 * 1.15 / (2 + 2) ** 1.5

    assert for_you_score(item) == pytest.approx(expected)


# --- the SQL rendering the For You query orders by ---------------------------------------------

PARITY_CASES = [
    RankInput(age_hours=0),
    RankInput(age_hours=-3, likes=-5),
    RankInput(age_hours=0.25, likes=1),
    RankInput(age_hours=5, likes=3, comments=1, has_photos=True),
    RankInput(age_hours=30, reposts=2, saves=7, follows_author=True),
    RankInput(age_hours=24 * 29.5, likes=10_000, comments=900, seen=True),
    RankInput(age_hours=2, likes=1, comments=1, reposts=1, saves=1, follows_author=True, seen=True, has_photos=True),
]


def sql_scores(session: Session, cases: list[RankInput]) -> list[float]:
    """Each case scored by the database, through `for_you_score_sql` over bound values."""
    expression = for_you_score_sql(
        dialect_of(session),
        likes="CAST(:likes AS INTEGER)", comments="CAST(:comments AS INTEGER)",
        reposts="CAST(:reposts AS INTEGER)", saves="CAST(:saves AS INTEGER)",
        follows_author=":follows = 1", seen=":seen = 1", has_photos=":photos = 1",
        age_hours="CAST(:age AS DOUBLE PRECISION)",
    )
    statement = text(f"SELECT {expression}")
    return [
        session.execute(statement, {
            "likes": c.likes, "comments": c.comments, "reposts": c.reposts, "saves": c.saves,
            "follows": int(c.follows_author), "seen": int(c.seen), "photos": int(c.has_photos), "age": c.age_hours,
        }).scalar_one()
        for c in cases
    ]


def test_the_sql_rendering_scores_like_the_python_formula(session: Session) -> None:
    assert sql_scores(session, PARITY_CASES) == pytest.approx([for_you_score(c) for c in PARITY_CASES], rel=1e-12)


def test_the_sql_rendering_follows_every_constant(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tuning a constant changes both renderings: the SQL is built from the same names."""
    monkeypatch.setattr(ranking, "FOLLOW_BOOST", 5.0)
    monkeypatch.setattr(ranking, "GRAVITY", 2.0)
    monkeypatch.setitem(ranking.ENGAGEMENT_WEIGHTS, "saves", 9.0)

    assert sql_scores(session, PARITY_CASES) == pytest.approx([for_you_score(c) for c in PARITY_CASES], rel=1e-12)
