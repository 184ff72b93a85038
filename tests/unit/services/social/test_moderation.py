"""Reports: kept in moderation_report, once per reporter and post, with a known reason."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from socialshop.models.accounts import User
from socialshop.models.social import Post, Report, ReportStatus
from socialshop.services.social import moderation
from socialshop.services.social.errors import SocialErrorCode as S
from tests.factories import make_post, make_user
from tests.unit.services.social.refusals import refused


def reports_in_table(session: Session) -> list[tuple]:
    session.flush()
    return list(
        session.exec(
            text("SELECT reporter_id, target_type, target_id, reason, details, status FROM moderation_report")
        )
    )


@pytest.fixture
def post(session: Session) -> Post:
    return make_post(session, make_user(session, "mara"), "fake designer bags, cheap")


def test_report_is_kept_open_for_the_moderators(session: Session, olek: User, post: Post) -> None:
    moderation.report_post(
        session=session, actor=olek, post_id=post.id, reason="counterfeit", details=" fake "
    )

    assert reports_in_table(session) == [
        (olek.id, "post", post.id, "counterfeit", "fake", ReportStatus.OPEN.value)
    ]


def test_reporting_again_updates_the_one_report(session: Session, olek: User, post: Post) -> None:
    first = moderation.report_post(session=session, actor=olek, post_id=post.id, reason="spam")

    again = moderation.report_post(
        session=session, actor=olek, post_id=post.id, reason="misleading", details="why"
    )

    assert again.id == first.id
    assert reports_in_table(session) == [(olek.id, "post", post.id, "misleading", "why", "open")]


def test_each_reporter_gets_their_own_report(session: Session, olek: User, post: Post) -> None:
    moderation.report_post(session=session, actor=olek, post_id=post.id, reason="spam")
    moderation.report_post(session=session, actor=make_user(session, "pia"), post_id=post.id, reason="spam")

    assert len(session.exec(select(Report)).all()) == 2


@pytest.mark.parametrize("reason", ["", "SPAM", "because", "spam "])
def test_unknown_reason_is_refused(session: Session, olek: User, post: Post, reason: str) -> None:
    with refused(S.REPORT_REASON):
        moderation.report_post(session=session, actor=olek, post_id=post.id, reason=reason)
    assert reports_in_table(session) == []


@pytest.mark.parametrize("reason", sorted(moderation.REPORT_REASONS))
def test_every_listed_reason_is_accepted(session: Session, olek: User, post: Post, reason: str) -> None:
    assert (
        moderation.report_post(session=session, actor=olek, post_id=post.id, reason=reason).reason == reason
    )


def test_details_over_500_characters_are_refused(session: Session, olek: User, post: Post) -> None:
    with refused(S.REPORT_TOO_LONG):
        moderation.report_post(
            session=session, actor=olek, post_id=post.id, reason="other", details="x" * 501
        )
    assert (
        moderation.report_post(
            session=session, actor=olek, post_id=post.id, reason="other", details="x" * 500
        ).details
        == "x" * 500
    )


def test_reporting_a_missing_post_is_not_found(session: Session, olek: User) -> None:
    with refused(S.POST_NOT_FOUND):
        moderation.report_post(session=session, actor=olek, post_id=404, reason="spam")


def test_signed_out_visitor_cannot_report(session: Session, post: Post) -> None:
    with refused(S.NOT_SIGNED_IN):
        moderation.report_post(session=session, actor=None, post_id=post.id, reason="spam")
