"""Uploaded images: checked, decoded, re-encoded without metadata and stored under new names."""

from __future__ import annotations

import io
import secrets
import warnings
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PIL import Image, ImageOps

from socialshop.services.errors import DomainError

MAX_UPLOAD_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 8000x5000 photo; anything larger is treated as a decompression bomb
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")


class MediaErrorCode(StrEnum):
    EMPTY = "image_empty"
    TOO_LARGE = "image_too_large"
    WRONG_TYPE = "image_wrong_type"
    UNREADABLE = "image_unreadable"
    TOO_MANY_PIXELS = "image_too_many_pixels"


@dataclass(frozen=True)
class ImageVariant:
    """How one stored copy is shaped: fit inside `max_side`, or crop to a square."""

    max_side: int
    square: bool = False
    quality: int = 82


AVATAR = ImageVariant(max_side=320, square=True)
PHOTO = ImageVariant(max_side=1600)
THUMBNAIL = ImageVariant(max_side=640, quality=78)


def decode_image(data: bytes) -> Image.Image:
    """Decode an untrusted upload fully and turn it upright (EXIF orientation), or refuse it with a code."""
    if not data:
        raise DomainError(MediaErrorCode.EMPTY, "image")
    if len(data) > MAX_UPLOAD_BYTES:
        raise DomainError(MediaErrorCode.TOO_LARGE, "image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
            # Header only so far: refuse huge canvases before decoding a single pixel.
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise DomainError(MediaErrorCode.TOO_MANY_PIXELS, "image")
            image.load()
            # Upright now: a file whose EXIF block is junk is refused here like any other broken file
            # (Pillow raises SyntaxError for it), instead of failing later while it is re-encoded.
            ImageOps.exif_transpose(image, in_place=True)
    except DomainError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise DomainError(MediaErrorCode.TOO_MANY_PIXELS, "image") from exc
    except Image.UnidentifiedImageError as exc:
        raise DomainError(MediaErrorCode.WRONG_TYPE, "image") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise DomainError(MediaErrorCode.UNREADABLE, "image") from exc
    return image


def render_variant(image: Image.Image, variant: ImageVariant) -> bytes:
    """Re-encode as WebP with no EXIF (no GPS leaks) in the variant's shape (`decode_image` made it upright)."""
    upright = image
    has_alpha = upright.mode in ("RGBA", "LA") or "transparency" in upright.info
    upright = upright.convert("RGBA" if has_alpha else "RGB")
    if variant.square:
        shaped = ImageOps.fit(upright, (variant.max_side, variant.max_side), Image.Resampling.LANCZOS)
    else:
        shaped = upright.copy()
        shaped.thumbnail((variant.max_side, variant.max_side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    shaped.save(out, format="WEBP", quality=variant.quality, method=4)
    return out.getvalue()


def write_encoded(encoded: bytes, *, uploads_dir: Path, folder: str) -> str:
    """Store already re-encoded bytes under a generated name; returns the path relative to uploads."""
    relative = f"{folder}/{secrets.token_hex(16)}.webp"
    target = uploads_dir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(encoded)
    return relative


def store_image(
    data: bytes, *, uploads_dir: Path, folder: str, variant: ImageVariant
) -> str:
    """Validate and store one image; returns its path relative to the uploads folder."""
    return write_encoded(render_variant(decode_image(data), variant), uploads_dir=uploads_dir, folder=folder)


def remove_stored(relative: str | None, *, uploads_dir: Path) -> None:
    """Delete a file we stored earlier; names are ours, never user input."""
    if not relative:
        return
    target = (uploads_dir / relative).resolve()
    if uploads_dir.resolve() in target.parents and target.is_file():
        target.unlink()
