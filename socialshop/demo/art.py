"""Demo images drawn locally with Pillow (nothing is fetched): deterministic for a given input."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont


def _hex(color: str) -> tuple[int, int, int]:
    color = color.lstrip("#")
    return int(color[0:2], 16), int(color[2:4], 16), int(color[4:6], 16)


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))  # type: ignore[return-value]


def gradient(size: int, start: str, end: str) -> Image.Image:
    """A diagonal gradient square."""
    a, b = _hex(start), _hex(end)
    # Every pixel's colour depends on x + y only: paint that diagonal once, then give each row its
    # slice of it (a few hundred pastes instead of a Python call per pixel).
    span = 2 * size - 1
    diagonal = Image.new("RGB", (span, 1))
    diagonal.putdata([_mix(a, b, k / (span - 1)) for k in range(span)])
    image = Image.new("RGB", (size, size))
    for y in range(size):
        image.paste(diagonal.crop((y, 0, y + size, 1)), (0, y))
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
_ACROSS = _LINEAR.rotate(90)  # 0 at the left, 255 at the right


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
    # One row or column of the gradient, smoothly stretched, then repeated across (much cheaper
    # than scaling a whole square).
    strip = _ACROSS.crop((0, 0, 256, 1)) if horizontal else _LINEAR.crop((0, 0, 1, 256))
    strip = Image.merge("RGB", [strip.point(lut[c]) for c in range(3)])
    strip = strip.resize((size[0], 1) if horizontal else (1, size[1]), Image.Resampling.BILINEAR)
    return strip.resize(size, Image.Resampling.NEAREST)


def glow(canvas: Image.Image, center: Point, radius: float, color: str | Color, strength: float = 1.0,
         falloff: float = 2.0) -> None:
    """Light a round area: full `strength` at the centre fading to nothing at `radius`."""
    lut = []
    for level in range(256):
        t = level / 181
        lut.append(round(255 * strength * max(0.0, 1 - t) ** falloff) if t < 1 else 0)
    # Scale only the part of the glow that lands on the canvas: a big glow is mostly off-picture.
    left, top = center[0] - radius, center[1] - radius
    x0, y0 = max(0, math.ceil(left)), max(0, math.ceil(top))
    x1 = min(canvas.width, math.floor(center[0] + radius))
    y1 = min(canvas.height, math.floor(center[1] + radius))
    if x1 <= x0 or y1 <= y0:
        return
    scale = 256 / (2 * radius)
    source = tuple(min(256.0, max(0.0, v)) for v in ((x0 - left) * scale, (y0 - top) * scale,
                                                     (x1 - left) * scale, (y1 - top) * scale))
    mask = _RADIAL.point(lut).resize((x1 - x0, y1 - y0), Image.Resampling.BILINEAR, box=source)
    canvas.paste(rgb(color), (x0, y0), mask)


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
    bbox = mask.getbbox()
    if bbox is None:
        return
    mask = mask.crop(bbox)
    pad = int(blur * 2) + 4
    padded = Image.new("L", (mask.width + 2 * pad, mask.height + 2 * pad), 0)
    padded.paste(mask, (pad, pad))
    small = padded.resize((max(1, padded.width // 4), max(1, padded.height // 4)), Image.Resampling.BILINEAR)
    small = small.filter(ImageFilter.GaussianBlur(max(0.5, blur / 4)))
    soft = small.resize(padded.size, Image.Resampling.BILINEAR).point(lambda v: round(v * opacity))
    at = (int(position[0] + bbox[0] + offset[0] - pad), int(position[1] + bbox[1] + offset[1] - pad))
    canvas.paste(rgb(color), at, soft)


def fill_mask(canvas: Image.Image, mask: Image.Image, fill: Image.Image | str | Color,
              position: Point = (0, 0)) -> None:
    """Paint `fill` (a colour, or an image the mask's size) through `mask`, touching only the
    mask's bounding box (whole-canvas pastes are what makes drawing slow)."""
    bbox = mask.getbbox()
    if bbox is None:
        return
    at = (int(position[0]) + bbox[0], int(position[1]) + bbox[1])
    source = fill.crop(bbox) if isinstance(fill, Image.Image) else rgb(fill)
    canvas.paste(source, at, mask.crop(bbox))


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
            count: int, size: float = 2.0) -> None:
    """Scatter small dots inside a box (the speckles in a clay body or a glaze)."""
    draw = ImageDraw.Draw(canvas)
    fill = rgb(color)
    left, top, right, bottom = box
    for _ in range(count):
        x, y = rng.uniform(left, right), rng.uniform(top, bottom)
        r = size * rng.uniform(0.5, 1.2)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)


def cylinder_light(canvas: Image.Image, mask: Image.Image, position: Point, *, dark: float = 0.35,
                   highlight: float = 0.3) -> None:
    """Light a round object from the left: a shadow side on the right and a soft highlight stripe.
    `mask` is the object's shape (its own size), pasted at `position`."""
    w, h = mask.size
    at = (int(position[0]), int(position[1]))
    falloff = [round(255 * dark * max(0.0, (v / 255 - 0.35) / 0.65) ** 1.4) for v in range(256)]
    shadow = _ACROSS.point(falloff).resize((w, h), Image.Resampling.BILINEAR)
    fill_mask(canvas, ImageChops.multiply(shadow, mask), (0, 0, 0), at)
    if highlight > 0:
        stripe = Image.new("L", (max(1, w // 4), max(1, h // 4)), 0)
        sw = stripe.width
        ImageDraw.Draw(stripe).rectangle((sw * 0.2, 0, sw * 0.3, stripe.height), fill=round(255 * highlight))
        stripe = stripe.filter(ImageFilter.GaussianBlur(max(0.6, sw * 0.04))).resize((w, h), Image.Resampling.BILINEAR)
        fill_mask(canvas, ImageChops.multiply(stripe, mask), (255, 255, 255), at)


Fill = str | Color | tuple[int, int, int, int]


def _rgba(fill: Fill) -> tuple[int, int, int, int]:
    if isinstance(fill, str):
        return (*_hex(fill), 255)
    return fill if len(fill) == 4 else (*fill, 255)  # type: ignore[return-value]


class Pen:
    """Records shapes in canvas coordinates, then draws them onto a transparent sprite just big
    enough to hold them, at twice the size (for smooth edges). Translucent fills blend with what
    the sprite already holds; `erase_line` cuts through it."""

    factor = 2

    def __init__(self) -> None:
        self._ops: list[tuple[str, list[Point], dict]] = []
        self._reach = 0.0  # the widest stroke, which pokes out of the points' bounds

    def _record(self, op: str, points: list[Point], width: float = 0, **options) -> None:
        self._ops.append((op, points, options | {"width": width}))
        self._reach = max(self._reach, width)

    def polygon(self, points: list[Point], fill: Fill) -> None:
        self._record("polygon", list(points), fill=fill)

    def ellipse(self, box: tuple[float, float, float, float], fill: Fill | None = None,
                outline: Fill | None = None, width: float = 1) -> None:
        self._record("ellipse", [box[:2], box[2:]], width, fill=fill, outline=outline)

    def circle(self, center: Point, radius: float, fill: Fill | None = None, outline: Fill | None = None,
               width: float = 1) -> None:
        x, y = center
        self.ellipse((x - radius, y - radius, x + radius, y + radius), fill, outline, width)

    def rectangle(self, box: tuple[float, float, float, float], fill: Fill, radius: float = 0) -> None:
        self._record("rectangle", [box[:2], box[2:]], fill=fill, radius=radius)

    def line(self, points: list[Point], fill: Fill, width: float) -> None:
        self._record("line", list(points), width, fill=fill)

    def arc(self, box: tuple[float, float, float, float], start: float, end: float, fill: Fill, width: float) -> None:
        self._record("arc", [box[:2], box[2:]], width, fill=fill, start=start, end=end)

    def erase_line(self, points: list[Point], width: float) -> None:
        """Cut a transparent line (the slits of a monstera leaf)."""
        self._record("erase", list(points), width)

    def render(self) -> tuple[Image.Image, tuple[int, int]]:
        """The sprite at 1x and the canvas position of its top-left corner."""
        xs = [x for _, points, _ in self._ops for x, _ in points]
        ys = [y for _, points, _ in self._ops for _, y in points]
        if not xs:
            return Image.new("RGBA", (1, 1), (0, 0, 0, 0)), (0, 0)
        pad = self._reach + 2
        left, top = math.floor(min(xs) - pad), math.floor(min(ys) - pad)
        f = self.factor
        size = (math.ceil((max(xs) + pad - left) * f), math.ceil((max(ys) + pad - top) * f))
        image = Image.new("RGBA", size, (0, 0, 0, 0))
        blend, replace = ImageDraw.Draw(image, "RGBA"), ImageDraw.Draw(image)
        for op, points, o in self._ops:
            xy = [((x - left) * f, (y - top) * f) for x, y in points]
            width = max(1, round(o["width"] * f))
            if op == "polygon":
                blend.polygon(xy, fill=_rgba(o["fill"]))
            elif op == "ellipse":
                box = (min(xy[0][0], xy[1][0]), min(xy[0][1], xy[1][1]), max(xy[0][0], xy[1][0]), max(xy[0][1], xy[1][1]))
                blend.ellipse(box, fill=_rgba(o["fill"]) if o["fill"] else None,
                              outline=_rgba(o["outline"]) if o["outline"] else None, width=width)
            elif op == "rectangle":
                blend.rounded_rectangle(xy, radius=o["radius"] * f, fill=_rgba(o["fill"]))
            elif op == "line":
                blend.line(xy, fill=_rgba(o["fill"]), width=width, joint="curve")
            elif op == "arc":
                blend.arc(xy, o["start"], o["end"], fill=_rgba(o["fill"]), width=width)
            elif op == "erase":
                replace.line(xy, fill=(0, 0, 0, 0), width=width)
        return image.reduce(f), (left, top)  # Pillow averages RGBA with premultiplied alpha here


def sprite(canvas: Image.Image, paint: Callable[[Pen], object], *, angle: float = 0,
           shadow: tuple[float, float, float, float] | None = None) -> tuple[Image.Image, tuple[int, int]]:
    """Paint with a `Pen` and place the result on the canvas, turned by `angle` degrees around its
    centre. `shadow` is (dx, dy, blur, opacity). Returns the sprite's alpha and where it went."""
    pen = Pen()
    paint(pen)
    image, at = pen.render()
    if angle:  # turning does not premultiply: do it, or edges pick up black from transparent pixels
        w, h = image.size
        image = image.convert("RGBa").rotate(angle, Image.Resampling.BICUBIC, expand=True).convert("RGBA")
        at = (round(at[0] + w / 2 - image.width / 2), round(at[1] + h / 2 - image.height / 2))
    alpha = image.getchannel("A")
    if shadow is not None:
        dx, dy, blur, opacity = shadow
        soft_shadow(canvas, alpha, position=at, offset=(dx, dy), blur=blur, opacity=opacity)
    canvas.paste(image, at, alpha)
    return alpha, at


def soft_patch(canvas: Image.Image, polygons: list[list[Point]], color: str | Color, opacity: float,
               blur: float) -> None:
    """Blurred shapes of light or shade (window light on a wall), drawn at a quarter size."""
    small = Image.new("L", (max(1, canvas.width // 4), max(1, canvas.height // 4)), 0)
    draw = ImageDraw.Draw(small)
    for polygon in polygons:
        draw.polygon([(x / 4, y / 4) for x, y in polygon], fill=round(255 * opacity))
    small = small.filter(ImageFilter.GaussianBlur(max(0.5, blur / 4)))
    fill_mask(canvas, small.resize(canvas.size, Image.Resampling.BILINEAR), color)
