"""Uploaded images: refused unless they are real, reasonably sized photos; stored clean."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from socialshop.services import media
from socialshop.services.errors import DomainError
from socialshop.services.media import MediaErrorCode as M
from tests.factories import image_bytes, png_claiming_size

GPS_IFD = ExifTags.IFD.GPSInfo
ORIENTATION = ExifTags.Base.Orientation


def store(data: bytes, uploads_dir: Path, variant: media.ImageVariant = media.PHOTO) -> Path:
    return uploads_dir / media.store_image(data, uploads_dir=uploads_dir, folder="photos", variant=variant)


def refusal(data: bytes) -> M:
    with pytest.raises(DomainError) as refused:
        media.decode_image(data)
    assert refused.value.field == "image"
    return refused.value.code


def jpeg_with_gps_and_camera(size: tuple[int, int] = (120, 80), orientation: int | None = None) -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCo"
    exif[ExifTags.Base.Model] = "Snapper 9"
    if orientation is not None:
        exif[ORIENTATION] = orientation
    exif[GPS_IFD] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (59.0, 54.0, 36.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (10.0, 45.0, 0.0),
    }
    return image_bytes("JPEG", size=size, exif=exif)


# --- refusals ---------------------------------------------------------------------------------


def test_empty_upload_is_refused() -> None:
    assert refusal(b"") == M.EMPTY


def test_upload_over_eight_megabytes_is_refused_before_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    def must_not_decode(*_args, **_kwargs):
        raise AssertionError("a too-large upload was handed to Pillow")

    monkeypatch.setattr(media.Image, "open", must_not_decode)

    assert refusal(b"\xff" * (8 * 1024 * 1024 + 1)) == M.TOO_LARGE


def test_upload_of_exactly_eight_megabytes_is_not_refused_for_its_size() -> None:
    padded_jpeg = image_bytes("JPEG") + b"\0" * (8 * 1024 * 1024 - len(image_bytes("JPEG")))

    assert len(padded_jpeg) == media.MAX_UPLOAD_BYTES
    assert media.decode_image(padded_jpeg).size == (64, 48)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(image_bytes("GIF"), id="gif"),
        pytest.param(image_bytes("BMP"), id="bmp"),
        pytest.param(image_bytes("TIFF"), id="tiff"),
        pytest.param(b"just some text, not an image\n" * 10, id="text"),
        pytest.param(
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
            id="svg",
        ),
        pytest.param(b"<html><script>alert(document.cookie)</script></html>", id="html"),
        pytest.param(b"%PDF-1.7\n" + b"0" * 100, id="pdf"),
    ],
)
def test_files_that_are_not_jpeg_png_or_webp_are_refused(data: bytes) -> None:
    assert refusal(data) == M.WRONG_TYPE


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_truncated_image_is_refused_as_unreadable(image_format: str) -> None:
    # Noise compresses badly, so cutting the file in half really loses pixel data.
    noisy = Image.effect_noise((256, 256), 80).convert("RGB")
    buffer = io.BytesIO()
    noisy.save(buffer, format=image_format)
    whole = buffer.getvalue()

    assert refusal(whole[: len(whole) // 2]) == M.UNREADABLE


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])  # Pillow's JPEG reader shrugs it off
def test_junk_exif_block_is_refused_as_unreadable(image_format: str) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "#e54d2e").save(buffer, format=image_format, exif=b"JUNKJUNKJUNK")

    assert refusal(buffer.getvalue()) == M.UNREADABLE


def test_png_header_claiming_a_hundred_megapixels_is_refused_without_decoding() -> None:
    bomb = png_claiming_size(10_000, 10_000)

    assert len(bomb) < 200
    assert refusal(bomb) == M.TOO_MANY_PIXELS


def test_image_over_the_pixel_cap_is_refused_even_below_pillows_own_limit() -> None:
    bomb = png_claiming_size(8_000, 5_001)  # 40,008,000 pixels: just over the cap

    assert refusal(bomb) == M.TOO_MANY_PIXELS


def test_real_compressed_bomb_is_refused() -> None:
    """Ten thousand pixels square of one bit each: a few kilobytes on disk, 100 MP decoded."""
    bomb = image_bytes("PNG", size=(10_000, 10_000), mode="1", color=0, optimize=True)

    assert len(bomb) < media.MAX_UPLOAD_BYTES
    assert refusal(bomb) == M.TOO_MANY_PIXELS


def test_image_exactly_at_the_pixel_cap_passes_the_size_check() -> None:
    header_only = png_claiming_size(8_000, 5_000)

    # 40,000,000 pixels is allowed; this file is then refused only because its body is empty.
    assert refusal(header_only) == M.UNREADABLE


# --- what gets stored ------------------------------------------------------------------------------


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_accepted_images_are_re_encoded_as_webp(uploads_dir: Path, image_format: str) -> None:
    stored = store(image_bytes(image_format, size=(300, 200)), uploads_dir)

    with Image.open(stored) as reopened:
        assert reopened.format == "WEBP"
        assert reopened.size == (300, 200)


def test_stored_name_is_random_hex_never_anything_from_the_upload(uploads_dir: Path) -> None:
    first = media.store_image(
        image_bytes("PNG"), uploads_dir=uploads_dir, folder="avatars", variant=media.AVATAR
    )
    second = media.store_image(
        image_bytes("PNG"), uploads_dir=uploads_dir, folder="avatars", variant=media.AVATAR
    )

    assert re.fullmatch(r"avatars/[0-9a-f]{32}\.webp", first)
    assert first != second


def test_gps_and_camera_details_are_stripped(uploads_dir: Path) -> None:
    original = jpeg_with_gps_and_camera()
    with Image.open(io.BytesIO(original)) as check:  # the test image really carries GPS
        assert check.getexif().get_ifd(GPS_IFD)

    stored = store(original, uploads_dir)

    with Image.open(stored) as reopened:
        assert "exif" not in reopened.info
        assert not reopened.getexif()
        assert b"PhoneCo" not in stored.read_bytes()


def test_sideways_phone_photo_is_stored_upright(uploads_dir: Path) -> None:
    # Orientation 6: the camera stored it landscape; viewers must turn it 90 degrees clockwise.
    stored = store(jpeg_with_gps_and_camera(size=(120, 80), orientation=6), uploads_dir)

    with Image.open(stored) as reopened:
        assert reopened.size == (80, 120)
        assert not reopened.getexif().get(ORIENTATION)


def test_upright_content_keeps_its_left_and_right(uploads_dir: Path) -> None:
    image = Image.new("RGB", (100, 50), (255, 0, 0))
    image.paste((0, 0, 255), (50, 0, 100, 50))  # left red, right blue
    exif = Image.Exif()
    exif[ORIENTATION] = 3  # upside down: turn 180 degrees
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, quality=95)

    stored = store(buffer.getvalue(), uploads_dir)

    with Image.open(stored) as reopened:
        left, right = reopened.convert("RGB").getpixel((10, 25)), reopened.convert("RGB").getpixel((90, 25))
    assert left[2] > 200 and left[0] < 60  # blue now on the left
    assert right[0] > 200 and right[2] < 60


def test_avatar_is_cropped_to_a_square(uploads_dir: Path) -> None:
    stored = store(image_bytes("PNG", size=(900, 300)), uploads_dir, variant=media.AVATAR)

    with Image.open(stored) as reopened:
        assert reopened.size == (320, 320)


def test_photo_is_shrunk_to_fit_but_keeps_its_shape(uploads_dir: Path) -> None:
    stored = store(image_bytes("JPEG", size=(3200, 1600)), uploads_dir, variant=media.PHOTO)

    with Image.open(stored) as reopened:
        assert reopened.size == (1600, 800)


def test_small_photo_is_not_enlarged(uploads_dir: Path) -> None:
    stored = store(image_bytes("JPEG", size=(200, 100)), uploads_dir, variant=media.THUMBNAIL)

    with Image.open(stored) as reopened:
        assert reopened.size == (200, 100)


def test_transparency_survives_re_encoding(uploads_dir: Path) -> None:
    stored = store(image_bytes("PNG", mode="RGBA", color=(0, 0, 0, 0)), uploads_dir)

    with Image.open(stored) as reopened:
        assert reopened.mode == "RGBA"
        assert reopened.getpixel((5, 5))[3] == 0


# --- removing -------------------------------------------------------------------------------------


def test_remove_stored_deletes_our_file(uploads_dir: Path) -> None:
    relative = media.store_image(
        image_bytes("PNG"), uploads_dir=uploads_dir, folder="avatars", variant=media.AVATAR
    )

    media.remove_stored(relative, uploads_dir=uploads_dir)

    assert not (uploads_dir / relative).exists()


@pytest.mark.parametrize("relative", ["../outside.txt", "avatars/../../outside.txt", "{absolute}"])
def test_remove_stored_never_deletes_outside_the_uploads_folder(tmp_path: Path, relative: str) -> None:
    uploads_dir = tmp_path / "uploads"
    (uploads_dir / "avatars").mkdir(parents=True)
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")

    media.remove_stored(relative.format(absolute=outside), uploads_dir=uploads_dir)

    assert outside.exists()


@pytest.mark.parametrize("relative", [None, "", "avatars/missing.webp"])
def test_remove_stored_ignores_nothing_and_missing_files(uploads_dir: Path, relative: str | None) -> None:
    media.remove_stored(relative, uploads_dir=uploads_dir)
