"""The seller's area: open a shop, list products, edit one (fields, variants, photos)."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass

import reflex as rx
from sqlmodel import Session

from socialshop import routes
from socialshop.schemas.catalog import ProductForm, SellerProductRow, ShopView
from socialshop.schemas.social import PhotoView
from socialshop.services.catalog import products, shops
from socialshop.services.errors import DomainError, ValidationFailed
from socialshop.services.media import MAX_UPLOAD_BYTES
from socialshop.settings import get_settings
from socialshop.states.messages import field_messages, message_for
from socialshop.states.session import SessionState, in_session

PRODUCT_PHOTOS_UPLOAD_ID = "product_photos"
SHOP_LOGO_UPLOAD_ID = "shop_logo"


@dataclass
class VariantRow:
    """One editable variant line; `key` keeps typed values in place when rows come and go."""

    key: str = ""
    id: int = 0
    sku: str = ""
    size: str = ""
    colour: str = ""
    price_text: str = ""
    stock: int = 0


class MyShopState(SessionState):
    has_shop: bool = False
    shop: ShopView = ShopView()
    rows: list[SellerProductRow] = []
    field_errors: dict[str, str] = {}
    loading: bool = True
    saving: bool = False

    @rx.event
    async def load_my_shop(self):
        self.loading = True
        self.field_errors = {}
        await self.load_viewer()
        if not self.signed_in:
            return self._login_redirect()

        def work(session: Session):
            actor = self._actor(session)
            shop = shops.shop_of(session, actor)
            if shop is None:
                return False, ShopView(), []
            return True, shops.shop_view(session=session, viewer=actor, handle=shop.handle), products.seller_products(
                session=session, actor=actor
            )

        self.has_shop, self.shop, self.rows = await in_session(work)
        self.loading = False

    @rx.event
    async def open_shop(self, form: dict):
        self.field_errors = {}
        handle = str(form.get("handle", ""))[:100]
        name = str(form.get("name", ""))[:200]
        description = str(form.get("description", ""))[:3000]
        try:
            await in_session(
                lambda s: shops.open_shop(session=s, actor=self._actor(s), handle=handle, name=name, description=description)
            )
        except ValidationFailed as exc:
            self.field_errors = field_messages(exc.errors)
            return
        except DomainError as exc:
            return rx.toast.error(message_for(exc.code))
        await self.load_my_shop()
        self.viewer.is_seller = True
        return rx.toast.success("Your shop is open. Add your first product!")


    @rx.event
    async def upload_logo(self, files: list[rx.UploadFile]):
        if not files:
            return
        data = await files[0].read(MAX_UPLOAD_BYTES + 1)
        uploads_dir = get_settings().uploads_dir

        def work(session: Session) -> ShopView:
            actor = self._actor(session)
            shop = shops.set_logo(session=session, actor=actor, image=data, uploads_dir=uploads_dir)
            return shops.shop_view(session=session, viewer=actor, handle=shop.handle)

        try:
            self.shop = await in_session(work)
        except DomainError as exc:
            yield rx.toast.error(message_for(exc.code))
            return
        yield rx.toast.success("New logo saved.")


class ProductEditorState(SessionState):
    form: ProductForm = ProductForm()
    variant_rows: list[VariantRow] = []
    field_errors: dict[str, str] = {}
    form_error: str = ""
    slug: str = ""
    is_new: bool = True
    loading: bool = True
    saving: bool = False
    uploading: bool = False
    form_key: int = 0

    def _slug_in_url(self) -> str | None:
        slug = self._path_segment(2)
        return slug if slug and slug != "new" else None

    def _rows_from(self, form: ProductForm) -> list[VariantRow]:
        return [
            VariantRow(key=secrets.token_hex(4), id=v.id, sku=v.sku, size=v.size, colour=v.colour,
                       price_text=v.price_text, stock=v.stock)
            for v in form.variants
        ] or [VariantRow(key=secrets.token_hex(4))]

    @rx.event
    async def load_editor(self):
        slug = self._slug_in_url()
        # Just saved a new product and landed on its page: keep the editor on screen (no spinner),
        # so nothing the person is doing (a photo upload, say) loses its form.
        self.loading = not (slug is not None and slug == self.slug and not self.is_new)
        self.field_errors, self.form_error = {}, ""
        await self.load_viewer()
        if not self.signed_in:
            return self._login_redirect()
        try:
            self.form = await in_session(lambda s: products.product_form(session=s, actor=self._actor(s), slug=slug))
        except DomainError as exc:
            self.loading = False
            return [rx.toast.error(message_for(exc.code)), rx.redirect(routes.MY_SHOP)]
        self.slug, self.is_new = slug or "", slug is None
        self.variant_rows = self._rows_from(self.form)
        self.form_key += 1
        self.loading = False

    @rx.event
    def add_variant_row(self):
        if len(self.variant_rows) < products.VARIANTS_MAX:
            self.variant_rows = [*self.variant_rows, VariantRow(key=secrets.token_hex(4))]

    @rx.event
    def remove_variant_row(self, key: str):
        if len(self.variant_rows) > 1:
            self.variant_rows = [row for row in self.variant_rows if row.key != key]

    @rx.event
    async def save(self, form: dict):
        self.field_errors, self.form_error = {}, ""
        self.saving = True
        yield
        get = lambda name: str(form.get(name, ""))[:5000]  # noqa: E731
        rows = self.variant_rows
        data = products.ProductInput(
            title=get("title"), description=get("description"), category=get("category") or "other",
            tags=get("tags"), currency=get("currency") or "EUR", price_text=get("price"),
            compare_at_text=get("compare_at"), status=get("status") or "draft",
            variants=tuple(
                products.VariantInput(
                    id=row.id, sku=get(f"sku__{row.key}"), size=get(f"size__{row.key}"),
                    colour=get(f"colour__{row.key}"), price_text=get(f"price__{row.key}"),
                    stock=get(f"stock__{row.key}") or "0",
                )
                for row in rows
            ),
        )
        slug = self.slug or None

        def work(session: Session) -> ProductForm:
            actor = self._actor(session)
            product = products.save_product(session=session, actor=actor, data=data, slug=slug)
            return products.product_form(session=session, actor=actor, slug=product.slug)

        try:
            saved = await in_session(work)
        except ValidationFailed as exc:
            # Variant errors come back by position; the form shows them by row key.
            errors = {}
            for field, message in field_messages(exc.errors).items():
                if field.startswith("variants."):
                    _, index, name = field.split(".")
                    errors[f"{name}__{rows[int(index)].key}"] = message
                else:
                    errors[field] = message
            self.field_errors = errors
            self.form_error = "Please fix the highlighted fields."
            self.saving = False
            return
        except DomainError as exc:
            self.form_error = message_for(exc.code)
            self.saving = False
            return
        was_new = self.is_new
        self.form, self.slug, self.is_new = saved, saved.slug, False
        self.variant_rows = self._rows_from(saved)
        self.form_key += 1
        self.saving = False
        yield rx.toast.success("Product saved.")
        if was_new:
            # The address becomes the product's own, without leaving the page (nothing remounts,
            # so a photo being chosen right now is not lost); a reload lands on the same editor.
            yield rx.call_script(f"window.history.replaceState(null, '', {json.dumps(routes.EDIT_PRODUCT_PREFIX + saved.slug)})")

    @rx.event
    async def upload_photos(self, files: list[rx.UploadFile]):
        if not self.slug:
            yield rx.toast.error("Save the product first, then add photos.")
            return
        self.uploading = True
        yield
        slug, uploads_dir = self.slug, get_settings().uploads_dir
        problems = []
        for upload in files[: products.PHOTOS_MAX]:
            data = await upload.read(MAX_UPLOAD_BYTES + 1)
            try:
                await in_session(
                    lambda s, data=data: products.add_product_photo(
                        session=s, actor=self._actor(s), slug=slug, image=data, uploads_dir=uploads_dir
                    )
                )
            except DomainError as exc:
                problems.append(f"{upload.filename}: {message_for(exc.code)}")
        self.form.photos = await self._photos()
        self.uploading = False
        for problem in problems:
            yield rx.toast.error(problem)
        if len(problems) < len(files):
            yield rx.toast.success("Photos added.")

    async def _photos(self) -> list[PhotoView]:
        slug = self.slug
        form = await in_session(lambda s: products.product_form(session=s, actor=self._actor(s), slug=slug))
        return form.photos

    @rx.event
    async def remove_photo(self, position: int):
        slug, uploads_dir = self.slug, get_settings().uploads_dir
        try:
            await in_session(
                lambda s: products.remove_product_photo(
                    session=s, actor=self._actor(s), slug=slug, position=position, uploads_dir=uploads_dir
                )
            )
        except DomainError as exc:
            return rx.toast.error(message_for(exc.code))
        self.form.photos = await self._photos()
