"""The profile page /u/{username} and the edit-profile form."""

from __future__ import annotations

import reflex as rx
from sqlmodel import Session

from socialshop import routes
from socialshop.schemas.accounts import Profile, ProfileForm
from socialshop.services import accounts
from socialshop.services.errors import DomainError, ValidationFailed
from socialshop.services.media import MAX_UPLOAD_BYTES
from socialshop.settings import get_settings
from socialshop.states.messages import field_messages, message_for
from socialshop.states.session import SessionState, in_session

AVATAR_UPLOAD_ID = "avatar_upload"


class ProfileState(SessionState):
    profile: Profile = Profile()
    found: bool = True
    loading: bool = True

    def _username_in_url(self) -> str:
        parts = [p for p in self.router.url.path.split("/") if p]
        return parts[1] if len(parts) >= 2 and parts[0] == "u" else ""

    @rx.event
    async def load_profile(self):
        self.loading = True
        await self.load_viewer()
        username = self._username_in_url()
        profile = await in_session(lambda s: accounts.get_profile(session=s, username=username))
        self.found = profile is not None
        self.profile = profile or Profile()
        self.loading = False

    @rx.var
    def is_own_profile(self) -> bool:
        return self.signed_in and self.viewer.username == self.profile.username


class ProfileEditState(SessionState):
    form: ProfileForm = ProfileForm()
    field_errors: dict[str, str] = {}
    saving: bool = False
    uploading: bool = False
    avatar_error: str = ""

    @rx.event
    async def load_form(self):
        self.field_errors = {}
        self.avatar_error = ""
        await self.load_viewer()
        if not self.signed_in:
            return rx.redirect(routes.login_url(routes.PROFILE_EDIT))

        def work(session: Session) -> ProfileForm | None:
            actor = self._actor(session)
            return accounts.get_profile_form(session=session, actor=actor) if actor else None

        self.form = await in_session(work) or ProfileForm()

    @rx.event
    async def save(self, form: dict):
        self.field_errors = {}
        self.saving = True
        yield
        display_name = str(form.get("display_name", ""))[:1000]
        bio = str(form.get("bio", ""))[:5000]
        link = str(form.get("link", ""))[:1000]
        username = self.viewer.username

        def work(session: Session) -> ProfileForm:
            actor = self._actor(session)
            user = accounts.update_profile(
                session=session,
                actor=actor,
                username=username,
                display_name=display_name,
                bio=bio,
                link=link,
            )
            return accounts.get_profile_form(session=session, actor=user)

        try:
            self.form = await in_session(work)
        except ValidationFailed as exc:
            self.field_errors = field_messages(exc.errors)
            # Keep what the person typed so nothing is lost while they fix one field.
            self.form = ProfileForm(
                display_name=display_name,
                bio=bio,
                link=link,
                avatar_url=self.form.avatar_url,
                initials=self.form.initials,
            )
            yield rx.toast.error("Please fix the highlighted fields.")
        except DomainError as exc:
            yield rx.toast.error(message_for(exc.code))
        else:
            self.viewer.display_name = self.form.display_name
            self.viewer.initials = self.form.initials
            yield rx.toast.success("Profile saved.")
        finally:
            self.saving = False

    @rx.event
    async def upload_avatar(self, files: list[rx.UploadFile]):
        self.avatar_error = ""
        if not files:
            self.avatar_error = "Choose an image first."
            return
        self.uploading = True
        yield
        upload = files[0]
        # Read one byte past the limit: enough to know it is too big without holding more.
        data = await upload.read(MAX_UPLOAD_BYTES + 1)
        username = self.viewer.username
        uploads_dir = get_settings().uploads_dir

        def work(session: Session) -> ProfileForm:
            actor = self._actor(session)
            user = accounts.set_avatar(
                session=session, actor=actor, username=username, image=data, uploads_dir=uploads_dir
            )
            return accounts.get_profile_form(session=session, actor=user)

        try:
            updated = await in_session(work)
        except DomainError as exc:
            self.avatar_error = message_for(exc.code)
            yield rx.toast.error(self.avatar_error)
        else:
            self.form.avatar_url = updated.avatar_url
            self.viewer.avatar_url = updated.avatar_url
            yield rx.toast.success("New profile photo saved.")
        finally:
            self.uploading = False
