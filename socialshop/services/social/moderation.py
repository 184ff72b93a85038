"""Reports: anyone may report a post once, with a reason; moderators work the queue later."""

from __future__ import annotations

from sqlmodel import Session, select

from socialshop.models.accounts import User
from socialshop.models.social import Post, Report
from socialshop.services.accounts import clean_text
from socialshop.services.errors import DomainError
from socialshop.services.social.errors import SocialErrorCode as S
from socialshop.services.social.graph import require_actor

REPORT_REASONS = {
    "spam": "Spam or scam",
    "harassment": "Harassment or hate",
    "nudity": "Nudity or sexual content",
    "violence": "Violence or dangerous acts",
    "counterfeit": "Counterfeit or prohibited goods",
    "misleading": "Misleading product claims",
    "other": "Something else",
}
DETAILS_MAX = 500


def report_post(*, session: Session, actor: User | None, post_id: int, reason: str, details: str = "") -> Report:
    """Idempotent per reporter and post: reporting again updates the reason."""
    actor = require_actor(actor)
    if session.get(Post, post_id) is None:
        raise DomainError(S.POST_NOT_FOUND)
    if reason not in REPORT_REASONS:
        raise DomainError(S.REPORT_REASON, "reason")
    details = clean_text(details)
    if len(details) > DETAILS_MAX:
        raise DomainError(S.REPORT_TOO_LONG, "details")
    report = session.exec(
        select(Report).where(Report.reporter_id == actor.id, Report.target_type == "post", Report.target_id == post_id)
    ).first()
    if report is None:
        report = Report(reporter_id=actor.id, target_type="post", target_id=post_id, reason=reason, details=details)
    else:
        report.reason, report.details = reason, details
    session.add(report)
    session.flush()
    return report
