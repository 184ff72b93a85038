"""The profile page /u/{username} and the edit-profile form."""

from __future__ import annotations

import reflex as rx
from sqlmodel import Session

from socialshop import routes
from socialshop.schemas.accounts import PersonCard, Profile, ProfileForm
from socialshop.schemas.social import GridTile, SocialProfile
from socialshop.services import accounts
from socialshop.services.errors import DomainError, ValidationFailed
from socialshop.services.media import MAX_UPLOAD_BYTES
from socialshop.services.social import feeds, graph
from socialshop.settings import get_settings
from socialshop.states.messages import field_messages, message_for
from socialshop.states.session import SessionState, in_session

AVATAR_UPLOAD_ID = "avatar_upload"



class ProfileState(SessionState):
    profile: Profile = Profile()
    social: SocialProfile = SocialProfile()
    tiles: list[GridTile] = []
    loading_more: bool = False
    _cursor: str = ""  # where the next tiles start; "" once the grid has ended
    found: bool = True
    loading: bool = True

    @rx.var
    def has_more(self) -> bool:
        return bool(self._cursor)

    @rx.event
    async def load_profile(self):
        self.loading = True
        await self.load_viewer()
        username = self._path_segment(1)

        def work(session: Session):
            viewer = self._actor(session)
            profile = accounts.get_profile(session=session, username=username)
            if profile is None:
                return None, SocialProfile(), ([], "")
            social = graph.social_profile(session=session, viewer=viewer, username=username)
            grid = feeds.profile_grid(session=session, viewer=viewer, username=username)
            return profile, social, grid

        profile, social, (tiles, cursor) = await in_session(work)
        self.found = profile is not None
        self.profile = profile or Profile()
        self.social = social
        self.tiles, self._cursor = tiles, cursor
        self.loading = False

    @rx.event
    async def load_more_tiles(self):
        if not self.has_more or self.loading_more:
            return
        self.loading_more = True
        yield
        username, cursor = self.profile.username, self._cursor
        tiles, next_cursor = await in_session(
            lambda s: feeds.profile_grid(session=s, viewer=self._actor(s), username=username, cursor=cursor)
        )
        self.tiles = self.tiles + tiles
        self._cursor = next_cursor
        self.loading_more = False

    @rx.var
    def is_own_profile(self) -> bool:
        return self.signed_in and self.viewer.username == self.profile.username

    async def _relation(self, action, done: str):
        if not self.signed_in:
            return rx.redirect(routes.login_url(self.router.url.path))
        username = self.profile.username

        def work(session: Session) -> SocialProfile:
            viewer = self._actor(session)
            action(session=session, actor=viewer, username=username)
            return graph.social_profile(session=session, viewer=viewer, username=username)

        try:
            self.social = await in_session(work)
        except DomainError as exc:
            return rx.toast.error(message_for(exc.code))
        return rx.toast.success(done.format(username=username)) if done else None

    @rx.event
    async def follow(self):
        return await self._relation(graph.follow, "")

    @rx.event
    async def unfollow(self):
        return await self._relation(graph.unfollow, "")

    @rx.event
    async def block(self):
        result = await self._relation(graph.block, "Blocked @{username}. You won't see each other's posts.")
        self.tiles = [] if self.social.viewer_blocked else self.tiles
        return result

    @rx.event
    async def unblock(self):
        result = await self._relation(graph.unblock, "Unblocked @{username}.")
        await self.load_profile()
        return result

    @rx.event
    async def mute(self):
        return await self._relation(graph.mute, "Muted @{username}. Their posts won't show in your feeds.")

    @rx.event
    async def unmute(self):
        return await self._relation(graph.unmute, "Unmuted @{username}.")


class PeopleListState(SessionState):
    """/u/{username}/followers and /following."""

    owner: Profile = Profile()
    heading: str = ""
    people: list[PersonCard] = []
    loading: bool = True
    found: bool = True

    @rx.event
    async def load_people(self):
        self.loading = True
        await self.load_viewer()
        path = self.router.url.path.rstrip("/")
        username = self._path_segment(1)
        which = "followers" if path.endswith("/followers") else "following"

        def work(session: Session):
            owner = accounts.get_profile(session=session, username=username)
            if owner is None:
                return None, []
            lister = graph.followers if which == "followers" else graph.following
            return owner, lister(session=session, viewer=self._actor(session), username=username)

        owner, people = await in_session(work)
        self.found = owner is not None
        self.owner = owner or Profile()
        self.people = people
        self.heading = "Followers" if which == "followers" else "Following"
        self.loading = False


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
