"""Demo images drawn locally with Pillow (nothing is fetched): deterministic for a given input."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFilter, ImageFont


def _hex(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))  # type: ignore[return-value]


def gradient(size: int, start: str, end: str) -> Image.Image:
    """A diagonal gradient square."""
    a, b = _hex(start), _hex(end)
    image = Image.new("RGB", (size, size))
    pixels = image.load()
    for y in range(size):
        for x in range(size):
            pixels[x, y] = _mix(a, b, (x + y) / (2 * size - 2))
    return image


def avatar(initials: str, palette: tuple[str, str], size: int = 320) -> Image.Image:
    """A soft gradient disc with the person's initials: friendly, and different for everyone."""
    image = gradient(size, *palette)
    glow = Image.new("L", (size, size), 0)
    ImageDraw.Draw(glow).ellipse((-size * 0.2, -size * 0.3, size * 0.8, size * 0.6), fill=90)
    image.paste(Image.new("RGB", (size, size), (255, 255, 255)), mask=glow.filter(ImageFilter.GaussianBlur(size / 8)))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=int(size * 0.38))
    draw.text((size / 2, size / 2 + size * 0.02), initials, fill=(255, 255, 255), font=font, anchor="mm")
    return image
