"""The profile page and the edit-profile form, driven through their Reflex states."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import reflex as rx
from PIL import Image
from sqlalchemy.engine import Engine
from sqlmodel import Session

from socialshop import routes
from socialshop.models.accounts import User
from socialshop.schemas.accounts import ProfileForm
from socialshop.services import accounts
from socialshop.services.media import MediaErrorCode
from socialshop.states.messages import message_for
from socialshop.states.profile import ProfileEditState, ProfileState
from tests.factories import described, image_bytes, make_session_token, make_user, run_event, state_at


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def mara(db: Session) -> User:
    user = make_user(db, "mara", display_name="Mara Lind", bio="Slow fashion.", link="https://mara.example")
    db.commit()
    return user


@pytest.fixture
def mara_token(db: Session, mara: User) -> str:
    token = make_session_token(db, mara)
    db.commit()
    return token


async def edit_form_for(token: str | None) -> ProfileEditState:
    """The edit page as it is after its on_load ran."""
    state = state_at(ProfileEditState, routes.PROFILE_EDIT, token=token)
    await run_event(state.load_form())
    return state


def reloaded(db: Session, username: str) -> User:
    db.expire_all()
    return accounts.get_user_by_username(session=db, username=username)


def upload(data: bytes, filename: str = "photo.png") -> rx.UploadFile:
    return rx.UploadFile(file=io.BytesIO(data), path=Path(filename), size=len(data))


# --- the profile page ------------------------------------------------------------------------------


async def test_profile_page_shows_the_person_in_the_url(mara: User) -> None:
    state = state_at(ProfileState, "/u/mara")

    await run_event(state.load_profile())

    assert state.found is True and state.loading is False
    assert (state.profile.username, state.profile.display_name, state.profile.bio) == (
        "mara",
        "Mara Lind",
        "Slow fashion.",
    )


async def test_profile_page_for_an_unknown_person_says_not_found(engine: Engine) -> None:
    state = state_at(ProfileState, "/u/ghost")

    await run_event(state.load_profile())

    assert state.found is False
    assert state.profile.username == ""


async def test_profile_page_knows_when_it_is_your_own(db: Session, mara: User, mara_token: str) -> None:
    make_user(db, "theo")
    db.commit()
    own, other = (
        state_at(ProfileState, "/u/mara", token=mara_token),
        state_at(ProfileState, "/u/theo", token=mara_token),
    )

    await run_event(own.load_profile())
    await run_event(other.load_profile())

    assert own.is_own_profile is True
    assert other.is_own_profile is False


# --- loading the edit form ---------------------------------------------------------------------------


async def test_edit_form_sends_signed_out_visitors_to_login_and_back(engine: Engine) -> None:
    state = state_at(ProfileEditState, routes.PROFILE_EDIT)

    events = await run_event(state.load_form())

    assert described(*events) == ["redirect /login?next=%2Fsettings%2Fprofile"]


async def test_edit_form_starts_from_the_saved_profile(mara: User, mara_token: str) -> None:
    state = await edit_form_for(mara_token)

    assert state.form == ProfileForm(
        display_name="Mara Lind", bio="Slow fashion.", link="https://mara.example", initials="ML"
    )


# --- saving --------------------------------------------------------------------------------------------


async def test_save_by_the_signed_in_person_persists_the_profile(
    db: Session, mara: User, mara_token: str
) -> None:
    state = await edit_form_for(mara_token)

    events = await run_event(
        state.save({"display_name": "Mara L.", "bio": "Coffee and clothes.", "link": "mara.shop.example"})
    )

    assert described(*events) == ["toast.success Profile saved."]
    saved = reloaded(db, "mara")
    assert (saved.display_name, saved.bio, saved.link) == (
        "Mara L.",
        "Coffee and clothes.",
        "https://mara.shop.example",
    )
    assert state.form.link == "https://mara.shop.example"
    assert state.viewer.display_name == "Mara L."  # the shell's name updates at once
    assert state.field_errors == {} and state.saving is False


async def test_save_with_mistakes_keeps_what_was_typed_and_names_each_problem(
    db: Session, mara: User, mara_token: str
) -> None:
    state = await edit_form_for(mara_token)
    typed = {"display_name": "", "bio": "b" * 301, "link": "javascript:alert(1)"}

    events = await run_event(state.save(typed))

    assert described(*events) == ["toast.error Please fix the highlighted fields."]
    assert state.field_errors == {
        "display_name": "Tell people what to call you.",
        "bio": "Keep your bio under 301 characters.",
        "link": "Links must be web addresses starting with http:// or https://.",
    }
    assert (state.form.display_name, state.form.bio, state.form.link) == (
        "",
        "b" * 301,
        "javascript:alert(1)",
    )
    assert state.form.initials == "ML"
    saved = reloaded(db, "mara")
    assert (saved.display_name, saved.bio, saved.link) == (
        "Mara Lind",
        "Slow fashion.",
        "https://mara.example",
    )
    assert state.saving is False


async def test_save_shows_it_is_working_until_the_answer_is_in(mara: User, mara_token: str) -> None:
    state = await edit_form_for(mara_token)
    handler = state.save({"display_name": "Mara", "bio": "", "link": ""})

    assert await anext(handler) is None and state.saving is True
    async for _ in handler:
        pass

    assert state.saving is False


async def test_save_after_logging_out_elsewhere_is_refused(db: Session, mara: User, mara_token: str) -> None:
    state = await edit_form_for(mara_token)
    accounts.log_out(session=db, token=mara_token)  # e.g. "log out" in another tab
    db.commit()

    events = await run_event(state.save({"display_name": "Hijacked", "bio": "", "link": ""}))

    assert described(*events) == [f"toast.error {message_for(accounts.AccountsErrorCode.NOT_SIGNED_IN)}"]
    assert reloaded(db, "mara").display_name == "Mara Lind"


async def test_save_only_ever_changes_the_viewers_own_profile(
    db: Session, mara: User, mara_token: str
) -> None:
    make_user(db, "theo", display_name="Theo")
    db.commit()
    state = await edit_form_for(mara_token)

    await run_event(state.save({"display_name": "Changed", "bio": "", "link": "", "username": "theo"}))

    assert reloaded(db, "theo").display_name == "Theo"
    assert reloaded(db, "mara").display_name == "Changed"


# --- avatar upload -------------------------------------------------------------------------------------


async def test_uploading_a_photo_replaces_the_avatar(
    db: Session, mara: User, mara_token: str, uploads_dir: Path
) -> None:
    state = await edit_form_for(mara_token)

    events = await run_event(
        state.upload_avatar([upload(image_bytes("JPEG", size=(640, 480)), "<script>.jpg")])
    )

    assert described(*events) == ["toast.success New profile photo saved."]
    saved = reloaded(db, "mara")
    assert state.form.avatar_url == state.viewer.avatar_url == routes.upload_url(saved.avatar_file)
    assert "script" not in saved.avatar_file
    with Image.open(uploads_dir / saved.avatar_file) as stored:
        assert (stored.format, stored.size) == ("WEBP", (320, 320))
    assert state.uploading is False and state.avatar_error == ""


async def test_uploading_something_that_is_not_a_photo_explains_why(
    db: Session, mara: User, mara_token: str
) -> None:
    state = await edit_form_for(mara_token)

    events = await run_event(state.upload_avatar([upload(b"<svg onload='alert(1)'/>", "avatar.svg")]))

    assert state.avatar_error == message_for(MediaErrorCode.WRONG_TYPE)
    assert described(*events) == [f"toast.error {state.avatar_error}"]
    assert reloaded(db, "mara").avatar_file is None


async def test_uploading_nothing_asks_for_a_file(mara: User, mara_token: str) -> None:
    state = await edit_form_for(mara_token)

    await run_event(state.upload_avatar([]))

    assert state.avatar_error == "Choose an image first."


async def test_uploading_a_huge_file_is_refused_for_its_size(
    db: Session, mara: User, mara_token: str
) -> None:
    state = await edit_form_for(mara_token)

    await run_event(state.upload_avatar([upload(b"\xff" * (9 * 1024 * 1024), "huge.jpg")]))

    assert state.avatar_error == message_for(MediaErrorCode.TOO_LARGE)
    assert reloaded(db, "mara").avatar_file is None
