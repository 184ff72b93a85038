"""The For You ranking formula: one pure function, so it can be read, tested and tuned in one place.

    score = (1 + 1·likes + 3·comments + 4·reposts + 2·saves) ^ 0.8      engagement, with diminishing returns
            × 1.8  if the viewer follows the author                        people you chose matter more
            × 0.3  if the viewer has already seen the post                 don't show the same thing again
            × 1.15 if it has photos                                        the feed is visual
            ÷ (age_in_hours + 2) ^ 1.5                                     recency decay (gravity)

Muted and blocked authors never reach the ranking: they are filtered out before it.

The feed ranks inside the database, so the formula has two renderings built from the constants
below: `for_you_score` (Python, the readable reference) and `for_you_score_sql` (the expression the
For You query orders by). Tests hold them equal on SQLite and PostgreSQL; change both together.
"""

from __future__ import annotations

from dataclasses import dataclass

from socialshop.services.dialects import SqlDialect

ENGAGEMENT_WEIGHTS = {"likes": 1.0, "comments": 3.0, "reposts": 4.0, "saves": 2.0}
ENGAGEMENT_EXPONENT = 0.8
FOLLOW_BOOST = 1.8
SEEN_PENALTY = 0.3
PHOTO_BOOST = 1.15
AGE_OFFSET_HOURS = 2.0
GRAVITY = 1.5


@dataclass(frozen=True)
class RankInput:
    age_hours: float
    likes: int = 0
    comments: int = 0
    reposts: int = 0
    saves: int = 0
    follows_author: bool = False
    seen: bool = False
    has_photos: bool = False


def for_you_score(item: RankInput) -> float:
    engagement = (
        1.0
        + ENGAGEMENT_WEIGHTS["likes"] * max(item.likes, 0)
        + ENGAGEMENT_WEIGHTS["comments"] * max(item.comments, 0)
        + ENGAGEMENT_WEIGHTS["reposts"] * max(item.reposts, 0)
        + ENGAGEMENT_WEIGHTS["saves"] * max(item.saves, 0)
    ) ** ENGAGEMENT_EXPONENT
    score = engagement
    if item.follows_author:
        score *= FOLLOW_BOOST
    if item.seen:
        score *= SEEN_PENALTY
    if item.has_photos:
        score *= PHOTO_BOOST
    return score / (max(item.age_hours, 0.0) + AGE_OFFSET_HOURS) ** GRAVITY


def for_you_score_sql(
    dialect: SqlDialect, *, likes: str, comments: str, reposts: str, saves: str,
    follows_author: str, seen: str, has_photos: str, age_hours: str,
) -> str:
    """`for_you_score` as a SQL expression over the given column expressions (booleans as SQL conditions)."""
    r, g = dialect.real, dialect.greatest
    weighted = " + ".join(
        f"{r(ENGAGEMENT_WEIGHTS[name])} * {g}({column}, 0)"
        for name, column in (("likes", likes), ("comments", comments), ("reposts", reposts), ("saves", saves))
    )
    return (
        f"{dialect.power}({r(1.0)} + {weighted}, {r(ENGAGEMENT_EXPONENT)})"
        f" * CASE WHEN {follows_author} THEN {r(FOLLOW_BOOST)} ELSE {r(1.0)} END"
        f" * CASE WHEN {seen} THEN {r(SEEN_PENALTY)} ELSE {r(1.0)} END"
        f" * CASE WHEN {has_photos} THEN {r(PHOTO_BOOST)} ELSE {r(1.0)} END"
        f" / {dialect.power}({g}({age_hours}, {r(0.0)}) + {r(AGE_OFFSET_HOURS)}, {r(GRAVITY)})"
    )
