"""Demo images drawn locally with Pillow (nothing is fetched): deterministic for a given input."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

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


# --- painting kit for the demo photos (socialshop/demo/scenes.py composes these) -----------------

Color = tuple[int, int, int]
Point = tuple[float, float]

_RADIAL = Image.radial_gradient("L")  # 256x256: 0 at the centre, 181 at the inscribed circle's edge
_LINEAR = Image.linear_gradient("L")  # 256x256: 0 at the top, 255 at the bottom


def rgb(color: str | Color) -> Color:
    return _hex(color) if isinstance(color, str) else color


def mix(a: str | Color, b: str | Color, t: float) -> Color:
    return _mix(rgb(a), rgb(b), max(0.0, min(1.0, t)))


def shade(color: str | Color, amount: float) -> Color:
    """Darker for a negative amount, lighter for a positive one (-1 black .. 1 white)."""
    return mix(color, (0, 0, 0) if amount < 0 else (255, 255, 255), abs(amount))


def ramp(size: tuple[int, int], stops: list[str | Color], *, horizontal: bool = False) -> Image.Image:
    """A linear gradient through evenly spaced colour stops, top to bottom (or left to right)."""
    colors = [rgb(c) for c in stops]
    spans = len(colors) - 1
    lut: list[list[int]] = [[], [], []]
    for level in range(256):
        t = level / 255 * spans
        i = min(int(t), spans - 1)
        color = _mix(colors[i], colors[i + 1], t - i) if spans else colors[0]
        for channel in range(3):
            lut[channel].append(color[channel])
    base = _LINEAR.rotate(90) if horizontal else _LINEAR
    if horizontal:
        base = base.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    image = Image.merge("RGB", [base.point(lut[c]) for c in range(3)])
    return image.resize(size, Image.Resampling.BILINEAR)


def glow(canvas: Image.Image, center: Point, radius: float, color: str | Color, strength: float = 1.0,
         falloff: float = 2.0) -> None:
    """Light a round area: full `strength` at the centre fading to nothing at `radius`."""
    lut = []
    for level in range(256):
        t = level / 181
        lut.append(round(255 * strength * max(0.0, 1 - t) ** falloff) if t < 1 else 0)
    side = max(2, int(radius * 2))
    mask = _RADIAL.point(lut).resize((side, side), Image.Resampling.BILINEAR)
    canvas.paste(rgb(color), (int(center[0] - side / 2), int(center[1] - side / 2)), mask)


def vignette(canvas: Image.Image, strength: float = 0.35) -> None:
    """Darken the corners a little, like a lens does."""
    lut = [round(255 * strength * max(0.0, (level / 255 - 0.45) / 0.55) ** 1.6) for level in range(256)]
    mask = _RADIAL.point(lut).resize(canvas.size, Image.Resampling.BILINEAR)
    canvas.paste((0, 0, 0), (0, 0), mask)


def smooth_mask(size: tuple[int, int], draw: Callable[[ImageDraw.ImageDraw, float], None]) -> Image.Image:
    """A shape mask drawn at twice the size and scaled down, so its edges are anti-aliased.
    `draw` receives the drawing and the factor to multiply coordinates by."""
    big = Image.new("L", (size[0] * 2, size[1] * 2), 0)
    draw(ImageDraw.Draw(big), 2.0)
    return big.reduce(2)


def soft_shadow(canvas: Image.Image, mask: Image.Image, *, offset: Point = (0, 0), blur: float = 12,
                opacity: float = 0.35, color: str | Color = (0, 0, 0), position: Point = (0, 0)) -> None:
    """Paste a blurred copy of `mask` as a shadow. Blurred at a quarter size: cheap and just as soft."""
    pad = int(blur * 2) + 4
    padded = Image.new("L", (mask.width + 2 * pad, mask.height + 2 * pad), 0)
    padded.paste(mask, (pad, pad))
    small = padded.resize((max(1, padded.width // 4), max(1, padded.height // 4)), Image.Resampling.BILINEAR)
    small = small.filter(ImageFilter.GaussianBlur(max(0.5, blur / 4)))
    soft = small.resize(padded.size, Image.Resampling.BILINEAR).point(lambda v: round(v * opacity))
    canvas.paste(rgb(color), (int(position[0] + offset[0] - pad), int(position[1] + offset[1] - pad)), soft)


def fill_mask(canvas: Image.Image, mask: Image.Image, fill: Image.Image | str | Color,
              position: Point = (0, 0)) -> None:
    """Paint `fill` (a colour or an image the mask's size) through `mask`."""
    at = (int(position[0]), int(position[1]))
    if isinstance(fill, Image.Image):
        canvas.paste(fill, at, mask)
    else:
        canvas.paste(rgb(fill), at, mask)


def ridge(rng: random.Random, width: float, base: float, roughness: float, *, steps: int = 7,
          decay: float = 0.55) -> list[Point]:
    """A mountain skyline by midpoint displacement: (x, y) points from left to right."""
    points = [base + rng.uniform(-roughness, roughness) * 0.5, base + rng.uniform(-roughness, roughness) * 0.5]
    amplitude = roughness
    for _ in range(steps):
        refined = []
        for a, b in zip(points, points[1:], strict=False):
            refined += [a, (a + b) / 2 + rng.uniform(-amplitude, amplitude)]
        points = refined + [points[-1]]
        amplitude *= decay
    step = width / (len(points) - 1)
    return [(i * step, y) for i, y in enumerate(points)]


def rotated(points: list[Point], angle_degrees: float, center: Point) -> list[Point]:
    angle = math.radians(angle_degrees)
    cos, sin = math.cos(angle), math.sin(angle)
    cx, cy = center
    return [(cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos) for x, y in points]


def leaf(base: Point, length: float, width: float, angle_degrees: float, *, points: int = 18) -> list[Point]:
    """A pointed oval leaf growing from `base` in direction `angle` (0 = up, clockwise)."""
    outline: list[Point] = []
    for side in (1, -1):
        for i in range(points + 1):
            t = i / points if side == 1 else 1 - i / points
            half = width / 2 * math.sin(math.pi * t) ** 0.75 * (1 - 0.25 * t)
            outline.append((base[0] + side * half, base[1] - length * t))
    return rotated(outline, angle_degrees, base)


def speckle(canvas: Image.Image, rng: random.Random, box: tuple[float, float, float, float], color: str | Color,
            count: int, size: float = 2.0, mask: Image.Image | None = None) -> None:
    """Scatter small dots inside a box (and inside `mask`, if given, a canvas-sized mask)."""
    draw = ImageDraw.Draw(canvas)
    fill = rgb(color)
    left, top, right, bottom = box
    for _ in range(count):
        x, y = rng.uniform(left, right), rng.uniform(top, bottom)
        if mask is not None and mask.getpixel((int(x), int(y))) < 128:
            continue
        r = size * rng.uniform(0.5, 1.2)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)


def grain(canvas: Image.Image, rng: random.Random, amount: float = 0.05) -> None:
    """Fine film grain from the seed (not Pillow's noise, which is not repeatable)."""
    tile = Image.frombytes("L", (128, 128), rng.randbytes(128 * 128))
    layer = Image.new("L", canvas.size)
    for y in range(0, canvas.height, 128):
        for x in range(0, canvas.width, 128):
            layer.paste(tile, (x, y))
    lut = [round(amount * 255 * abs(level - 128) / 128) for level in range(256)]
    light = layer.point([v if level > 128 else 0 for level, v in enumerate(lut)])
    dark = layer.point([v if level < 128 else 0 for level, v in enumerate(lut)])
    canvas.paste((255, 255, 255), (0, 0), light)
    canvas.paste((0, 0, 0), (0, 0), dark)
