"""Photos for the demo posts: products and everyday scenes painted with Pillow, repeatable from a seed.

`choose_motif` decides what a photo shows (captions are written from the same motif, so a post
about a rust cardigan shows a rust cardigan); `paint` draws it. Scenes are plain shapes, gradients
and soft shadows drawn straight at the final size: a photo takes tens of milliseconds to draw,
less than its WebP encoding.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw

from socialshop.demo import art
from socialshop.demo.art import Color, Point

SIZE = 1080


@dataclass(frozen=True)
class Motif:
    """What one photo shows: a scene, its subject and a named colour the caption may mention."""

    scene: str
    subject: str
    color: str


@dataclass(frozen=True)
class _Scene:
    subjects: tuple[str, ...]
    colors: tuple[str, ...]
    paint: Callable[[random.Random, Motif, int], tuple[Image.Image, str]]


def choose_motif(scene: str, rng: random.Random, *, subject: str | None = None) -> Motif:
    spec = SCENES[scene]
    return Motif(scene, subject or rng.choice(spec.subjects), rng.choice(spec.colors))


def paint(motif: Motif, art_seed: int, size: int = SIZE) -> tuple[Image.Image, str]:
    """The photo for a motif (and its alt text). The same motif and seed give the same pixels."""
    rng = random.Random(f"{motif.scene}|{motif.subject}|{motif.color}|{art_seed}")
    return SCENES[motif.scene].paint(rng, motif, size)


# --- shared pieces ---------------------------------------------------------------------------------

_WALLS = {
    "blush": ("#f5e0d7", "#e6c0b2"),
    "sage": ("#e4ebdf", "#c3d1bc"),
    "sky": ("#dfe9f2", "#b7cbde"),
    "sand": ("#f3e9d6", "#dbc7a4"),
    "lilac": ("#e9e2f2", "#c9bde0"),
    "terracotta": ("#f1d3c1", "#d69a7a"),
    "cream": ("#f6f0e6", "#e3d7c3"),
}
_WOODS = {
    "oak": ("#d3ad82", "#b48a5e"),
    "walnut": ("#8a5d3c", "#5f3e27"),
    "ash": ("#e2cfb2", "#c9b08c"),
}
_GREENS = ("#2f6b3c", "#3d8048", "#4f9a55", "#27573a", "#5f9f5a", "#3b7352")


def _pick(rng: random.Random, palette: dict[str, tuple[str, str]]) -> tuple[str, tuple[str, str]]:
    name = rng.choice(sorted(palette))
    return name, palette[name]


def _wall_and_surface(rng: random.Random, s: int, horizon: float, surface: tuple[str, str]) -> tuple[Image.Image, str]:
    """A wall in soft window light meeting a table top at `horizon` (a fraction of the height)."""
    wall_name, (light, dark) = _pick(rng, _WALLS)
    canvas = art.ramp((s, s), [art.shade(light, 0.2), light, dark])
    top = int(s * horizon)
    table = art.ramp((s, s - top), [surface[0], surface[1]])
    canvas.paste(table, (0, top))
    draw = ImageDraw.Draw(canvas)
    draw.line((0, top, s, top), fill=art.shade(surface[0], 0.25), width=max(2, s // 300))
    # Window light falling across the wall from the left.
    x0 = rng.uniform(-0.1, 0.25) * s
    art.soft_patch(canvas, [[(x0, 0), (x0 + s * 0.35, 0), (x0 + s * 0.65, top), (x0 + s * 0.3, top)]],
                   (255, 250, 240), 0.28, s * 0.03)
    return canvas, wall_name


def _poly(points: list[Point], s: float, origin: Point = (0.0, 0.0), k: float = 1.0) -> list[Point]:
    """Fractions of the photo size around `origin` (in pixels) to pixel points."""
    return [(origin[0] + x * s * k, origin[1] + y * s * k) for x, y in points]


def _mask_of(size: tuple[int, int], *polygons: list[Point]) -> Image.Image:
    """A canvas-sized, anti-aliased mask of polygons (drawn only within their bounds)."""
    xs = [x for p in polygons for x, _ in p]
    ys = [y for p in polygons for _, y in p]
    left, top = max(0, int(min(xs)) - 2), max(0, int(min(ys)) - 2)
    right, bottom = min(size[0], int(max(xs)) + 3), min(size[1], int(max(ys)) + 3)
    local = art.smooth_mask((right - left, bottom - top), lambda d, f: [
        d.polygon([((x - left) * f, (y - top) * f) for x, y in p], fill=255) for p in polygons
    ])
    mask = Image.new("L", size, 0)
    mask.paste(local, (left, top))
    return mask


def _tile(canvas: Image.Image, tile: Image.Image, box: tuple[float, float, float, float]) -> None:
    left, top, right, bottom = (int(v) for v in box)
    for y in range(top, bottom, tile.height):
        for x in range(left, right, tile.width):
            canvas.paste(tile, (x, y))


def _lerp(a: Point, b: Point, t: float) -> Point:
    return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t


# --- knitwear --------------------------------------------------------------------------------------

_YARNS = {
    "oat": "#d6c4a3", "cream": "#eee5d3", "forest green": "#2f5a45", "rust": "#b0532e",
    "charcoal": "#3b3e44", "mustard": "#cf9a2c", "dusty blue": "#7896b4", "burgundy": "#772c39",
}
_STAR = ("...x...", ".x.x.x.", "..xxx..", "xxx.xxx", "..xxx..", ".x.x.x.", "...x...")
_DIAMOND = ("...x...", "..x.x..", ".x...x.", "x..x..x", ".x...x.", "..x.x..", "...x...")


def _knit_texture(size: tuple[int, int], yarn: Color, s: int) -> Image.Image:
    """Rows of V stitches: the look of stockinette."""
    tw, th = max(6, int(s * 0.017)), max(5, int(s * 0.013))
    tile = Image.new("RGB", (tw * 4, th * 4), yarn)
    d = ImageDraw.Draw(tile)
    dark, light = art.shade(yarn, -0.16), art.shade(yarn, 0.12)
    for row in range(4):
        for col in range(4):
            x, y = col * tw, row * th
            d.line((x + 1, y, x + tw / 2, y + th - 1), fill=dark, width=2)
            d.line((x + tw - 1, y, x + tw / 2, y + th - 1), fill=dark, width=2)
            d.line((x + 2, y, x + tw / 2, y + th - 3), fill=light, width=1)
    layer = Image.new("RGB", size, yarn)
    _tile(layer, tile, (0, 0, size[0], size[1]))
    return layer


def _rib(draw: ImageDraw.ImageDraw, polygon: list[Point], yarn: Color, s: int) -> None:
    """A ribbed band (hem, cuff, collar): the shape in a darker yarn with vertical ribs."""
    draw.polygon(polygon, fill=art.shade(yarn, -0.08))
    xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
    step = max(4, int(s * 0.009))
    for x in range(int(min(xs)), int(max(xs)), step):
        draw.line((x, min(ys), x, max(ys)), fill=art.shade(yarn, -0.2), width=max(1, step // 3))


def _pixel_band(draw: ImageDraw.ImageDraw, top: float, width: int, pattern: tuple[str, ...], color: Color,
                pixel: float) -> float:
    """Repeat a stitch chart across the width from `top`; returns the band's bottom."""
    span = len(pattern[0]) + 2
    for row, line in enumerate(pattern):
        for repeat in range(int(width / (span * pixel)) + 1):
            for col, cell in enumerate(line):
                if cell == "x":
                    x = (repeat * span + col) * pixel
                    y = top + row * pixel
                    draw.rectangle((x, y, x + pixel - 2, y + pixel - 2), fill=color)
    return top + len(pattern) * pixel


def _sweater(rng: random.Random, motif: Motif, s: int) -> tuple[Image.Image, str]:
    yarn = art.rgb(_YARNS[motif.color])
    wall_name, (light, dark) = _pick(rng, _WALLS)
    canvas = art.ramp((s, s), [art.shade(light, 0.3), light, dark])
    draw = ImageDraw.Draw(canvas)
    cx = s * (0.5 + rng.uniform(-0.04, 0.04))
    # A painted arch behind the product and a floor line: the small-shop product photo.
    arch_w = s * rng.uniform(0.58, 0.7)
    arch_color = art.mix(dark, yarn, 0.18) if rng.random() < 0.5 else art.shade(dark, -0.06)
    arch = art.smooth_mask((s, s), lambda d, f: (
        d.ellipse(((cx - arch_w / 2) * f, s * 0.08 * f, (cx + arch_w / 2) * f, (s * 0.08 + arch_w) * f), fill=255),
        d.rectangle(((cx - arch_w / 2) * f, (s * 0.08 + arch_w / 2) * f, (cx + arch_w / 2) * f, s * 0.9 * f), fill=255),
    ))
    art.fill_mask(canvas, arch, arch_color)
    floor = int(s * 0.87)
    canvas.paste(art.ramp((s, s - floor), [art.shade(dark, -0.05), art.shade(dark, -0.15)]), (0, floor))

    k = rng.uniform(0.95, 1.05)
    origin = (cx, s * 0.25)
    neck_depth = 0.2 if motif.subject == "cardigan" else 0.045
    body = _poly([(-0.19, 0.03), (-0.075, -0.01), (-0.04, neck_depth * 0.65), (0, neck_depth),
                  (0.04, neck_depth * 0.65), (0.075, -0.01), (0.19, 0.03), (0.175, 0.18), (0.17, 0.55),
                  (-0.17, 0.55), (-0.175, 0.18)], s, origin, k)
    swing = rng.uniform(-0.02, 0.02)
    left_sleeve = _poly([(-0.19, 0.03), (-0.275 + swing, 0.47), (-0.205 + swing, 0.5), (-0.163, 0.17)], s, origin, k)
    right_sleeve = _poly([(0.19, 0.03), (0.275 - swing, 0.47), (0.205 - swing, 0.5), (0.163, 0.17)], s, origin, k)
    collar = None
    if motif.subject == "turtleneck":
        collar = _poly([(-0.075, -0.1), (0.075, -0.1), (0.08, 0.02), (-0.08, 0.02)], s, origin, k)

    everything = _mask_of((s, s), body, left_sleeve, right_sleeve, *([collar] if collar else []))
    # A wooden hanger (it shows through a cardigan's V) on a hook and a peg above the collar.
    peg = (cx, s * 0.12)
    metal = art.shade(dark, -0.45)
    wood = art.rgb(_WOODS["oak"][0])
    art.sprite(canvas, lambda pen: pen.line(_poly([(-0.17, 0.05), (0, 0.012), (0.17, 0.05)], s, origin, k),
                                            art.shade(wood, -0.1), s * 0.016))
    draw.line((cx, origin[1] + s * 0.012 * k, cx, peg[1] + s * 0.03), fill=metal, width=max(3, s // 220))
    draw.arc((cx - s * 0.025, peg[1] - s * 0.005, cx + s * 0.025, peg[1] + s * 0.045), 180, 360, fill=metal,
             width=max(3, s // 220))
    draw.ellipse((peg[0] - s * 0.017, peg[1] - s * 0.017, peg[0] + s * 0.017, peg[1] + s * 0.017), fill=wood)
    art.soft_shadow(canvas, everything, offset=(s * 0.014, s * 0.02), blur=s * 0.02, opacity=0.32)

    layer = _knit_texture((s, s), yarn, s)
    ld = ImageDraw.Draw(layer)
    pattern = rng.choice(("nordic", "cable", "stripes", "plain"))
    accent = art.rgb("#efe7d6") if sum(yarn) < 400 else art.mix(yarn, "#2b2b30", 0.7)
    if pattern == "nordic":
        pixel = s * 0.011
        y = origin[1] + s * k * 0.08
        ld.rectangle((0, y, s, y + pixel * 0.6), fill=accent)
        y = _pixel_band(ld, y + pixel * 1.4, s, rng.choice((_STAR, _DIAMOND)), accent, pixel)
        ld.rectangle((0, y + pixel * 0.6, s, y + pixel * 1.2), fill=accent)
    elif pattern == "stripes":
        for i in range(5):
            y = origin[1] + s * k * (0.1 + i * 0.075)
            ld.rectangle((0, y, s, y + s * 0.022), fill=accent)
    elif pattern == "cable":
        for column in (-0.11, -0.045, 0.045, 0.11):
            x = cx + column * s * k
            y = origin[1] + s * k * 0.07
            while y < origin[1] + s * k * 0.48:
                h = s * 0.04
                ld.ellipse((x - s * 0.018, y, x + s * 0.018, y + h), outline=art.shade(yarn, 0.16), width=max(3, s // 200))
                ld.arc((x - s * 0.018, y + 2, x + s * 0.018, y + h + 2), 20, 160, fill=art.shade(yarn, -0.22),
                       width=max(2, s // 300))
                y += h * 0.8
    hem = _poly([(-0.172, 0.49), (0.172, 0.49), (0.17, 0.55), (-0.17, 0.55)], s, origin, k)
    _rib(ld, hem, yarn, s)
    for sleeve in (left_sleeve, right_sleeve):
        outer_top, outer_end, inner_end, inner_top = sleeve
        _rib(ld, [_lerp(outer_top, outer_end, 0.86), outer_end, inner_end, _lerp(inner_top, inner_end, 0.84)], yarn, s)
    if collar:
        _rib(ld, collar, yarn, s)
        ld.line((collar[0][0], collar[0][1] + s * 0.045, collar[1][0], collar[1][1] + s * 0.045),
                fill=art.shade(yarn, -0.3), width=max(2, s // 250))
    else:
        neck = _poly([(-0.075, -0.01), (-0.04, neck_depth * 0.65), (0, neck_depth), (0.04, neck_depth * 0.65),
                      (0.075, -0.01)], s, origin, k)
        ld.line(neck, fill=art.shade(yarn, -0.12), width=int(s * 0.026), joint="curve")
    if motif.subject == "cardigan":
        bottom = origin[1] + s * k * 0.55
        top = origin[1] + s * k * neck_depth
        ld.rectangle((cx - s * 0.012, top, cx + s * 0.012, bottom), fill=art.shade(yarn, -0.06))
        ld.line((cx, top, cx, bottom), fill=art.shade(yarn, -0.3), width=2)
        button = art.rgb("#6b4a32") if sum(yarn) > 300 else art.rgb("#d9c7a8")
        for i in range(5):
            y = top + (bottom - top) * (0.08 + i * 0.2)
            ld.ellipse((cx - s * 0.008, y - s * 0.008, cx + s * 0.008, y + s * 0.008), fill=button)

    body_mask = _mask_of((s, s), body, *([collar] if collar else []))
    art.fill_mask(canvas, body_mask, layer)
    # Folds: soft darker strokes where the body drapes under the arms.
    folds = []
    for x in (-0.12, 0.12, rng.uniform(-0.05, 0.05)):
        fx, drift = cx + x * s * k, rng.uniform(-0.02, 0.02) * s
        y0, y1 = origin[1] + s * 0.2, origin[1] + s * 0.5
        folds.append([(fx - s * 0.006, y0), (fx + s * 0.006, y0), (fx + drift + s * 0.01, y1), (fx + drift - s * 0.01, y1)])
    art.soft_patch(canvas, folds, (0, 0, 0), 0.22, s * 0.012)
    for sleeve in (left_sleeve, right_sleeve):
        sleeve_mask = _mask_of((s, s), sleeve)
        art.soft_shadow(canvas, sleeve_mask, offset=(0, s * 0.004), blur=s * 0.012, opacity=0.35)
        art.fill_mask(canvas, sleeve_mask, layer)
        art.fill_mask(canvas, sleeve_mask.point(lambda v: v * 0.07), (0, 0, 0))
    art.glow(canvas, (s * 0.2, s * 0.1), s * 0.9, (255, 248, 236), 0.22)
    item = {"sweater": "sweater", "cardigan": "cardigan", "turtleneck": "turtleneck"}[motif.subject]
    detail = {"nordic": "a Nordic star band", "cable": "cable stitches", "stripes": "stripes", "plain": "a ribbed hem"}
    return canvas, f"A {motif.color} knit {item} with {detail[pattern]} hanging on a peg against a {wall_name} wall"


# --- ceramics --------------------------------------------------------------------------------------

_GLAZES = {
    "celadon": ("#b5d3bd", "#6f9c86"), "speckled white": ("#f3efe6", "#d6cdbd"),
    "tenmoku": ("#7a4327", "#2a1710"), "ocean blue": ("#5d8db5", "#1f3d5c"),
    "sage": ("#a9bca3", "#6b8065"), "blush": ("#ecc0b2", "#c48370"), "ash": ("#c4beb4", "#7d776e"),
}
_PROFILES = {
    # (fraction down the pot, radius as a fraction of the photo) from rim to foot
    "vase": [(0.0, 0.05), (0.12, 0.042), (0.3, 0.1), (0.55, 0.145), (0.85, 0.118), (1.0, 0.085)],
    "mug": [(0.0, 0.115), (0.5, 0.112), (1.0, 0.104)],
    "bowl": [(0.0, 0.22), (0.35, 0.205), (0.75, 0.14), (1.0, 0.085)],
    "planter": [(0.0, 0.125), (0.13, 0.125), (0.15, 0.11), (1.0, 0.086)],
}
_HEIGHTS = {"vase": 0.47, "mug": 0.25, "bowl": 0.15, "planter": 0.22}


def _profile_radius(profile: list[tuple[float, float]], t: float) -> float:
    for (t0, r0), (t1, r1) in zip(profile, profile[1:], strict=False):
        if t <= t1:
            u = (t - t0) / (t1 - t0) if t1 > t0 else 0
            return r0 + (r1 - r0) * (1 - math.cos(math.pi * u)) / 2
    return profile[-1][1]


def _pot(canvas: Image.Image, rng: random.Random, kind: str, glaze: tuple[str, str], center_x: float, base_y: float,
         s: int, k: float = 1.0, *, glazed: bool = True, inside: Color | None = None) -> float:
    """A thrown pot: glaze running down over bare clay, lit from the left, with its shadow.
    Returns the y of its rim."""
    profile = [(t, r * k * rng.uniform(0.92, 1.08)) for t, r in _PROFILES[kind]]
    height = _HEIGHTS[kind] * s * k * rng.uniform(0.92, 1.08)
    top_y = base_y - height
    tilt = 0.22  # how much of a circle we see from slightly above
    steps = 28
    left = [(center_x - _profile_radius(profile, i / steps) * s, top_y + height * i / steps) for i in range(steps + 1)]
    foot_r = profile[-1][1] * s
    rim_r = profile[0][1] * s
    bottom = [(center_x + foot_r * math.cos(a), base_y + foot_r * tilt * math.sin(a))
              for a in (math.pi * (1 - i / 12) for i in range(13))]
    right = [(2 * center_x - x, y) for x, y in reversed(left)]
    outline = left + bottom[::-1] + right
    widest = max(r for _, r in profile) * s
    box = (int(center_x - widest - s * 0.1 * k), int(top_y - rim_r * tilt - 4), int(center_x + widest + s * 0.1 * k),
           int(base_y + foot_r * tilt + 6))
    size = (box[2] - box[0], box[3] - box[1])
    local = [(x - box[0], y - box[1]) for x, y in outline]
    rim = (center_x - rim_r, top_y - rim_r * tilt, center_x + rim_r, top_y + rim_r * tilt)
    rim_local = (rim[0] - box[0], rim[1] - box[1], rim[2] - box[0], rim[3] - box[1])
    mask = art.smooth_mask(size, lambda d, f: (
        d.polygon([(x * f, y * f) for x, y in local], fill=255),
        d.ellipse(tuple(v * f for v in rim_local), fill=255),
    ))
    # Shadows: a tight contact shadow and a long soft one cast away from the window.
    contact = Image.new("L", (int(foot_r * 2.4) + 2, int(foot_r * tilt * 3.2) + 2), 0)
    ImageDraw.Draw(contact).ellipse((0, 0, contact.width - 1, contact.height - 1), fill=255)
    art.soft_shadow(canvas, contact, position=(center_x - contact.width / 2, base_y - contact.height / 2),
                    blur=s * 0.012, opacity=0.5)
    cast = Image.new("L", (int(height * 1.1), int(widest * 0.9) + 4), 0)
    ImageDraw.Draw(cast).polygon([(0, 0), (cast.width * 0.9, cast.height * 0.3), (cast.width, cast.height * 0.65),
                                  (cast.width * 0.85, cast.height), (0, cast.height)], fill=255)
    art.soft_shadow(canvas, cast, position=(center_x, base_y - cast.height * 0.6), blur=s * 0.03, opacity=0.2)

    light, deep = glaze
    mid = art.mix(light, deep, 0.45)
    if kind == "mug":  # the handle sits behind the body's edge
        hy = top_y + height * 0.2
        handle = (center_x + rim_r - s * 0.06 * k, hy, center_x + rim_r + s * 0.07 * k, hy + height * 0.58)
        art.sprite(canvas, lambda pen: (
            pen.arc(handle, 240, 120, art.shade(mid, -0.08), s * 0.026 * k),
            pen.arc(handle, 290, 340, art.shade(light, 0.12), s * 0.007 * k),
        ))
    body = art.ramp(size, [art.shade(light, 0.15), light, deep])
    clay = art.rgb(rng.choice(("#c9a27e", "#b88a62", "#8f5d40")))
    if glazed:
        glaze_line = top_y + height * rng.uniform(0.72, 0.86) - box[1]
        bare = Image.new("L", size, 0)
        phase, waves = rng.uniform(0, 6), rng.uniform(4, 7)
        wave = [(x, glaze_line + math.sin(x / size[0] * math.pi * waves + phase) * s * 0.006)
                for x in range(0, size[0] + 8, 8)]
        bd = ImageDraw.Draw(bare)
        bd.polygon(wave + [(size[0], size[1]), (0, size[1])], fill=255)
        for _ in range(rng.randint(2, 5)):  # drips of glaze running over the bare clay
            x = rng.uniform(size[0] * 0.3, size[0] * 0.7)
            length = rng.uniform(0.01, 0.035) * s
            bd.rounded_rectangle((x - s * 0.006, glaze_line - 4, x + s * 0.006, glaze_line + length),
                                 radius=int(s * 0.006), fill=0)
        body.paste(clay, (0, 0), bare)
        art.speckle(body, rng, (0, glaze_line, size[0], size[1]), art.shade(clay, -0.35), int(s * 0.05), size=s * 0.0016)
        if light == _GLAZES["speckled white"][0]:
            art.speckle(body, rng, (0, 0, size[0], glaze_line), "#6e6258", int(s * 0.3), size=s * 0.0017)
    art.fill_mask(canvas, mask, body, box[:2])
    art.cylinder_light(canvas, mask, box[:2], dark=0.42, highlight=0.3)
    # The opening: the inside of the rim, darker, with a thin lit lip.
    lip = s * 0.008 * k
    inner = (rim[0] + lip, rim[1] + lip * 0.4, rim[2] - lip, rim[3] - lip * 0.25)
    depth = inside or art.shade(deep, -0.3 if kind == "vase" else -0.08)
    art.sprite(canvas, lambda pen: (
        pen.ellipse(inner, fill=depth),
        kind in ("mug", "bowl") and inside is None and pen.ellipse(
            (inner[0] + lip, (inner[1] + inner[3]) / 2 - lip, inner[2] - lip, inner[3] + lip * 0.3), fill=art.shade(mid, 0.05)),
        pen.ellipse(rim, outline=art.shade(light, 0.3), width=max(1.5, s * 0.003)),
    ))
    return top_y


def _dried_stems(canvas: Image.Image, rng: random.Random, base: Point, s: int) -> None:
    draw = ImageDraw.Draw(canvas)
    stem = art.rgb(rng.choice(("#b59a6a", "#8c7a55", "#c9a77c")))
    for _ in range(rng.randint(4, 7)):
        angle = math.radians(rng.uniform(-28, 28))
        length = s * rng.uniform(0.22, 0.38)
        tip = (base[0] + math.sin(angle) * length, base[1] - math.cos(angle) * length)
        mid = (base[0] + math.sin(angle) * length * 0.5 + rng.uniform(-8, 8), base[1] - math.cos(angle) * length * 0.5)
        draw.line([base, mid, tip], fill=stem, width=max(2, s // 360), joint="curve")
        plume = art.shade(stem, 0.35)
        for i in range(9):
            p = _lerp(mid, tip, i / 8)
            r = s * 0.008 * (1.2 - i / 10)
            draw.ellipse((p[0] - r * 1.8, p[1] - r, p[0] + r * 0.4, p[1] + r), fill=plume)
            draw.ellipse((p[0] - r * 0.4, p[1] - r, p[0] + r * 1.8, p[1] + r), fill=art.shade(plume, -0.06))


def _ceramic(rng: random.Random, motif: Motif, s: int) -> tuple[Image.Image, str]:
    table_name, table = _pick(rng, _WOODS | {"linen": ("#e7dccb", "#d3c4ad"), "concrete": ("#c2bfb9", "#a4a09a")})
    horizon = rng.uniform(0.6, 0.68)
    canvas, wall_name = _wall_and_surface(rng, s, horizon, table)
    glaze = _GLAZES[motif.color]
    base_y = s * rng.uniform(0.84, 0.9)
    cx = s * rng.uniform(0.42, 0.55)
    partner = rng.random() < 0.55
    if partner:  # a smaller piece behind, in a neighbouring glaze
        kind = rng.choice(("bowl", "mug")) if motif.subject == "vase" else rng.choice(("vase", "bowl", "mug"))
        other = _GLAZES[rng.choice(sorted(_GLAZES))]
        side = rng.choice((-1, 1))
        _pot(canvas, rng, kind, other, cx + side * s * 0.27, base_y - s * 0.06, s, k=0.72)
    if motif.subject == "vase" and rng.random() < 0.7:
        _dried_stems(canvas, rng, (cx, base_y - _HEIGHTS["vase"] * s * 0.95), s)
    _pot(canvas, rng, motif.subject, glaze, cx, base_y, s, k={"mug": 1.35, "bowl": 1.1}.get(motif.subject, 1.0))
    return canvas, f"A {motif.color} glazed stoneware {motif.subject} on a {table_name} table against a {wall_name} wall"


# --- mountains -------------------------------------------------------------------------------------

_SKIES = {
    "golden hour": ["#2b3a67", "#6c5b9e", "#e07a5f", "#f2b880", "#fbe3a1"],
    "pink dusk": ["#1f2547", "#56427a", "#b5649a", "#f29e8e", "#fcd9b8"],
    "blue hour": ["#0f1b33", "#1f3a63", "#3f6b9a", "#8fb3cf", "#e8c6a0"],
    "ember sunset": ["#241a3a", "#5b2a4a", "#b8432f", "#f08a3c", "#ffd27a"],
}


def _runner(draw: ImageDraw.ImageDraw, feet: Point, height: float, color: Color, facing: int) -> None:
    """A trail runner mid-stride, as a silhouette."""
    x0, y0 = feet
    h = height

    def p(dx: float, dy: float) -> Point:
        return x0 + facing * dx * h, y0 - dy * h

    limb = max(3, int(h * 0.075))
    draw.line([p(0.02, 0.5), p(0.2, 0.3), p(0.14, 0.03)], fill=color, width=limb, joint="curve")  # front leg
    draw.line([p(0.02, 0.5), p(-0.1, 0.27), p(-0.3, 0.2)], fill=color, width=limb, joint="curve")  # back leg
    draw.line([p(0.02, 0.5), p(0.08, 0.8)], fill=color, width=int(limb * 1.7))  # torso
    draw.line([p(0.07, 0.77), p(0.18, 0.63), p(0.28, 0.72)], fill=color, width=int(limb * 0.8), joint="curve")
    draw.line([p(0.07, 0.77), p(-0.08, 0.64), p(-0.13, 0.5)], fill=color, width=int(limb * 0.8), joint="curve")
    head = p(0.12, 0.9)
    r = h * 0.075
    draw.ellipse((head[0] - r, head[1] - r, head[0] + r, head[1] + r), fill=color)
    draw.line([p(0.06, 0.95), p(0.24, 0.93)], fill=color, width=max(2, int(limb * 0.5)))  # cap brim
    draw.rounded_rectangle((min(p(-0.04, 0.8)[0], p(-0.12, 0.55)[0]), p(0, 0.8)[1],
                            max(p(-0.04, 0.8)[0], p(-0.12, 0.55)[0]), p(0, 0.55)[1]), radius=int(limb / 2), fill=color)


def _mountains(rng: random.Random, motif: Motif, s: int) -> tuple[Image.Image, str]:
    sky = _SKIES[motif.color]
    horizon = rng.uniform(0.55, 0.66)
    canvas = art.ramp((s, s), [sky[0], sky[1], sky[2], sky[3], sky[4], sky[4]])
    draw = ImageDraw.Draw(canvas)
    if motif.color == "blue hour":
        for _ in range(70):
            x, y, r = rng.uniform(0, s), rng.uniform(0, s * 0.35), rng.uniform(0.6, 1.8)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=(255, 250, 235))
    sun = (s * rng.uniform(0.25, 0.75), s * (horizon - rng.uniform(0.02, 0.12)))
    art.glow(canvas, sun, s * 1.1, sky[4], 0.55, falloff=1.6)
    art.glow(canvas, sun, s * 0.35, "#fff4d6", 0.7)
    r = s * 0.045
    draw.ellipse((sun[0] - r, sun[1] - r, sun[0] + r, sun[1] + r), fill=art.mix(sky[4], "#ffffff", 0.7))
    haze = art.mix(sky[3], sky[2], 0.35)
    night = art.mix(sky[0], "#05070d", 0.45)
    layers = 5
    front: list[Point] = []
    for i in range(layers):
        t = i / (layers - 1)
        base = s * (horizon - 0.06 + t * 0.3)
        line = art.ridge(rng, s, base, s * (0.16 - t * 0.09), steps=7, decay=0.5 + t * 0.05)
        color = art.mix(haze, night, 0.25 + t * 0.75)
        draw.polygon(line + [(s, s), (0, s)], fill=color)
        if i < layers - 1:  # mist settling in the valley in front of this ridge
            mist = art.ramp((s, int(s * 0.12)), [(0, 0, 0), (255, 255, 255), (0, 0, 0)]).convert("L")
            canvas.paste(haze, (0, int(base + s * 0.02)), mist.point(lambda v: v * 0.35))
        front = line
    # The runner stands on the highest point of the front ridge within the middle of the photo.
    candidates = [p for p in front if s * 0.25 < p[0] < s * 0.75]
    feet = min(candidates, key=lambda p: p[1])
    facing = rng.choice((-1, 1))
    _runner(draw, (feet[0], feet[1] + s * 0.006), s * rng.uniform(0.11, 0.14), night, facing)
    for _ in range(rng.randint(2, 5)):  # birds
        bx, by, w = rng.uniform(0.1, 0.9) * s, rng.uniform(0.1, 0.35) * s, rng.uniform(0.008, 0.016) * s
        draw.line([(bx - w, by - w * 0.5), (bx, by), (bx + w, by - w * 0.5)], fill=art.mix(sky[1], night, 0.5),
                  width=max(2, s // 400), joint="curve")
    return canvas, f"A trail runner on a ridge at {motif.color}, mountain ridges fading into the haze"


# --- plants ----------------------------------------------------------------------------------------

_POTS = {
    "terracotta": ("#dc8e63", "#a5532f"), "white": ("#f5f2ec", "#cdc6ba"), "sage": ("#b3c4ab", "#71866b"),
    "charcoal": ("#64646a", "#2b2b30"), "speckled cream": ("#f0e8d8", "#cbbfa9"),
}
_SOIL = (74, 52, 38)


def _green(rng: random.Random) -> Color:
    return art.shade(rng.choice(_GREENS), rng.uniform(-0.08, 0.1))


def _two_tone_leaf(pen: art.Pen, outline: list[Point], color: Color, vein: Color | None = None) -> None:
    """A leaf with a lit half and a shaded half either side of its midrib."""
    half = len(outline) // 2
    pen.polygon(outline, color)
    pen.polygon(outline[:half], art.shade(color, -0.14))
    if vein is not None:
        length = math.dist(outline[0], outline[half - 1])
        pen.line([outline[0], outline[half - 1]], vein, max(1.0, length * 0.025))


def _monstera(pen: art.Pen, rng: random.Random, soil: Point, scale: float) -> None:
    leaves = []
    for i in range(rng.randint(6, 8)):
        angle = -70 + 140 * (i + rng.uniform(0.1, 0.9)) / 8
        reach = scale * rng.uniform(0.2, 0.34)
        base = (soil[0] + math.sin(math.radians(angle)) * reach, soil[1] - math.cos(math.radians(angle)) * reach * 1.1)
        leaves.append((reach, angle, base))
    stem = art.rgb("#4f7a3f")
    for _reach, _angle, base in leaves:
        bend = ((soil[0] + base[0]) / 2 + rng.uniform(-0.02, 0.02) * scale, (soil[1] + base[1]) / 2)
        pen.line([soil, bend, base], stem, scale * 0.008)
    for _reach, angle, base in sorted(leaves, key=lambda leaf: -leaf[0]):  # the far, tall leaves first
        length = scale * rng.uniform(0.17, 0.23)
        tilt = angle + rng.uniform(-20, 20) + (25 if angle > 0 else -25)
        outline = art.leaf(base, length, length * 0.95, tilt, points=20)
        color = _green(rng)
        _two_tone_leaf(pen, outline, color, art.shade(color, 0.25))
        for t in (0.32, 0.52, 0.72):  # the slits that make it a monstera
            for side in (1, -1):
                half = length * 0.95 / 2 * math.sin(math.pi * t) ** 0.75 * (1 - 0.25 * t)
                start = (base[0] + side * half * 0.42, base[1] - length * t)
                end = (base[0] + side * half * 1.3, base[1] - length * (t + 0.1))
                pen.erase_line(art.rotated([start, end], tilt, base), scale * 0.012)


def _snake_plant(pen: art.Pen, rng: random.Random, soil: Point, scale: float) -> None:
    for i in range(rng.randint(6, 9)):
        base = (soil[0] + scale * rng.uniform(-0.06, 0.06), soil[1] + scale * 0.01)
        length = scale * rng.uniform(0.3, 0.55)
        width = scale * rng.uniform(0.05, 0.07)
        angle = rng.uniform(-14, 14) + (base[0] - soil[0]) / scale * 120
        edge = art.rgb("#c9b84a") if i % 2 == 0 else art.rgb("#9fb04a")
        pen.polygon(art.leaf(base, length, width, angle), edge)
        body = art.shade("#2f5a36", rng.uniform(-0.1, 0.1))
        pen.polygon(art.leaf(base, length * 0.97, width * 0.78, angle), body)
        band = (*art.shade(body, 0.3), 150)
        for j in range(9):
            t = 0.1 + j * 0.085
            half = width * 0.78 / 2 * math.sin(math.pi * t) ** 0.75 * (1 - 0.25 * t) * 0.8
            y = base[1] - length * t
            wave = [(base[0] - half, y), (base[0], y - scale * 0.006), (base[0] + half, y + scale * 0.003)]
            pen.line(art.rotated(wave, angle, base), band, scale * 0.004)


def _pothos(pen: art.Pen, rng: random.Random, soil: Point, scale: float) -> None:
    def heart(at: Point, angle: float, size: float) -> None:
        color = _green(rng)
        outline = art.leaf(at, size, size * 0.85, angle)
        _two_tone_leaf(pen, outline, color)
        half = len(outline) // 2
        streak = _lerp(outline[0], outline[half - 1], 0.6)
        pen.line([outline[0], streak], (*art.rgb("#e8e0a0"), 170), size * 0.08)

    vine = art.rgb("#5c7d3c")
    for i in range(rng.randint(3, 5)):
        side = -1 if i % 2 == 0 else 1
        start = (soil[0] + side * scale * rng.uniform(0.02, 0.07), soil[1])
        out = (start[0] + side * scale * rng.uniform(0.12, 0.2), soil[1] - scale * rng.uniform(0.0, 0.05))
        end = (out[0] + side * scale * rng.uniform(0.0, 0.06), soil[1] + scale * rng.uniform(0.15, 0.4))
        path = [(
            (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * out[0] + t * t * end[0],
            (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * out[1] + t * t * end[1],
        ) for t in (j / 16 for j in range(17))]
        pen.line(path, vine, scale * 0.005)
        for j, at in enumerate(path[2::2]):
            heart(at, 180 + side * rng.uniform(30, 80) * (1 if j % 2 else -1) * 0.6 + side * 40, scale * rng.uniform(0.05, 0.075))
    for _ in range(rng.randint(5, 8)):  # a tuft on top
        heart((soil[0] + scale * rng.uniform(-0.06, 0.06), soil[1]), rng.uniform(-60, 60), scale * rng.uniform(0.07, 0.1))


def _fiddle_leaf(pen: art.Pen, rng: random.Random, soil: Point, scale: float) -> None:
    height = scale * rng.uniform(0.45, 0.6)
    top = (soil[0] + scale * rng.uniform(-0.03, 0.03), soil[1] - height)
    pen.line([soil, ((soil[0] + top[0]) / 2 + scale * 0.01, (soil[1] + top[1]) / 2), top], "#6b5134", scale * 0.012)
    count = rng.randint(8, 11)
    for i in range(count):
        t = 0.25 + 0.75 * i / (count - 1)
        at = _lerp(soil, top, t)
        side = 1 if i % 2 else -1
        angle = side * rng.uniform(35, 75) * (1.1 - t * 0.6)
        length = scale * rng.uniform(0.13, 0.17) * (1.1 - t * 0.3)
        outline = art.leaf(at, length, length * 0.72, angle, points=14)
        color = art.shade("#2f5e34", rng.uniform(-0.08, 0.12))
        _two_tone_leaf(pen, outline, color, art.shade(color, 0.3))


_PLANTS = {"monstera": _monstera, "snake plant": _snake_plant, "pothos": _pothos, "fiddle leaf fig": _fiddle_leaf}


def _plant(canvas: Image.Image, rng: random.Random, kind: str, soil: Point, scale: float) -> None:
    """A plant growing from the soil at `soil`, `scale` pixels being its unit size."""
    art.sprite(canvas, lambda pen: _PLANTS[kind](pen, rng, soil, scale),
               shadow=(scale * 0.02, scale * 0.02, scale * 0.025, 0.18))


def _potted_plant(canvas: Image.Image, rng: random.Random, kind: str, pot: str, center_x: float, base_y: float,
                  s: int, k: float = 1.0) -> None:
    colors = _POTS[pot]
    rim_y = _pot(canvas, rng, "planter", colors, center_x, base_y, s, k, glazed=pot != "terracotta", inside=_SOIL)
    _plant(canvas, rng, kind, (center_x, rim_y + s * 0.005 * k), s * k)


def _window(canvas: Image.Image, rng: random.Random, box: tuple[float, float, float, float], s: int) -> None:
    """A window onto a bright sky and a few trees, with its frame and sill."""
    x0, y0, x1, y1 = (int(v) for v in box)
    glass = art.ramp((x1 - x0, y1 - y0), ["#9ec3e6", "#cfe2f1", "#eef3f3"])
    gd = ImageDraw.Draw(glass)
    far = art.rgb(rng.choice(("#9fb4a8", "#a9b7c0", "#b3bfa4")))
    for _ in range(rng.randint(4, 8)):
        cx, r = rng.uniform(0, glass.width), glass.width * rng.uniform(0.08, 0.18)
        cy = glass.height * rng.uniform(0.8, 0.95)
        gd.ellipse((cx - r, cy - r, cx + r, cy + r * 3), fill=art.shade(far, rng.uniform(-0.05, 0.08)))
    canvas.paste(glass, (x0, y0))
    frame = art.rgb(rng.choice(("#f4f1ea", "#2d2d2f", "#b48a5e")))
    width = int(s * 0.018)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle(box, outline=frame, width=width)
    draw.line(((x0 + x1) / 2, y0, (x0 + x1) / 2, y1), fill=frame, width=int(width * 0.7))
    draw.line((x0, (y0 + y1) / 2, x1, (y0 + y1) / 2), fill=frame, width=int(width * 0.7))
    sill = (x0 - s * 0.02, y1, x1 + s * 0.02, y1 + s * 0.025)
    sill_mask = _mask_of(canvas.size, [(sill[0], sill[1]), (sill[2], sill[1]), (sill[2], sill[3]), (sill[0], sill[3])])
    art.soft_shadow(canvas, sill_mask, offset=(0, s * 0.012), blur=s * 0.012, opacity=0.25)
    draw.rectangle(sill, fill=art.shade(frame, 0.1) if sum(frame) < 600 else frame)


def _plant_by_window(rng: random.Random, motif: Motif, s: int) -> tuple[Image.Image, str]:
    wall_name, (light, dark) = _pick(rng, _WALLS)
    horizon = rng.uniform(0.72, 0.78)
    canvas = art.ramp((s, s), [art.shade(light, 0.15), light, dark])
    surface_name, surface = _pick(rng, _WOODS | {"white": ("#f1eee8", "#d9d4cb")})
    top = int(s * horizon)
    canvas.paste(art.ramp((s, s - top), list(surface)), (0, top))
    window_left = rng.random() < 0.5
    wx0 = -s * 0.04 if window_left else s * 0.58
    window = (wx0, s * 0.07, wx0 + s * 0.46, s * 0.58)
    # Sunlight through the panes lands on the wall beside the window.
    shift = s * 0.42 if window_left else -s * 0.42
    panes = []
    for col in (0, 1):
        for row in (0, 1):
            px0 = window[0] + (window[2] - window[0]) * col / 2 + s * 0.015
            py0 = window[1] + (window[3] - window[1]) * row / 2 + s * 0.015
            w, h = (window[2] - window[0]) / 2 - s * 0.03, (window[3] - window[1]) / 2 - s * 0.03
            skew = s * 0.08
            panes.append([(px0 + shift, py0 + s * 0.1), (px0 + shift + w, py0 + s * 0.1 + skew * 0.3),
                          (px0 + shift + w + skew * 0.5, py0 + h + s * 0.1 + skew), (px0 + shift + skew * 0.5, py0 + h + s * 0.1)])
    art.soft_patch(canvas, panes, (255, 246, 226), 0.4, s * 0.01)
    _window(canvas, rng, window, s)
    cx = s * (rng.uniform(0.6, 0.7) if window_left else rng.uniform(0.3, 0.4))
    _potted_plant(canvas, rng, motif.subject, motif.color, cx, s * rng.uniform(0.88, 0.93), s, k=rng.uniform(1.0, 1.15))
    return canvas, f"A {motif.subject} in a {motif.color} pot by a sunny window, on a {surface_name} surface"


# --- skincare shelf --------------------------------------------------------------------------------

_GLASS = {
    "amber": ("#c0742b", "#6e3a10"), "frosted": ("#f3f0eb", "#cdc6bb"), "rose": ("#efc3bf", "#c58985"),
    "sage green": ("#7d9c73", "#3e5a3a"), "black": ("#4a4a4e", "#1c1c1f"),
}
_LABELS = ("#f6f1e7", "#d9c09a", "#ffffff", "#efe3d3")
_MAIN_BOTTLE = {"face oil": "dropper", "serum": "dropper", "cleanser": "pump", "night cream": "jar",
                "sunscreen": "tube", "toner": "pump"}


def _label(pen: art.Pen, box: tuple[float, float, float, float], paper: Color, ink: Color, rng: random.Random) -> None:
    x0, y0, x1, y1 = box
    pen.rectangle(box, paper, radius=(x1 - x0) * 0.04)
    w, h = x1 - x0, y1 - y0
    pen.circle((x0 + w / 2, y0 + h * 0.25), min(w, h) * 0.09, fill=ink)
    pen.polygon(art.leaf((x0 + w / 2, y0 + h * 0.3), h * 0.16, h * 0.08, rng.uniform(-30, 30)), "#6f8f5a")
    for i, part in enumerate((0.6, 0.4, 0.5)):
        y = y0 + h * (0.5 + i * 0.13)
        pen.rectangle((x0 + w * (0.5 - part / 2), y, x0 + w * (0.5 + part / 2), y + h * (0.06 if i == 0 else 0.035)), ink)


def _glass_light(pen: art.Pen, box: tuple[float, float, float, float]) -> None:
    x0, y0, x1, y1 = box
    w = x1 - x0
    pen.rectangle((x0 + w * 0.12, y0 + (y1 - y0) * 0.08, x0 + w * 0.22, y1 - (y1 - y0) * 0.08), (255, 255, 255, 80), radius=w * 0.05)
    pen.rectangle((x1 - w * 0.16, y0 + (y1 - y0) * 0.04, x1 - w * 0.03, y1 - (y1 - y0) * 0.04), (0, 0, 0, 45), radius=w * 0.05)


def _bottle(pen: art.Pen, rng: random.Random, kind: str, x: float, base: float, u: float, glass: tuple[str, str]) -> None:
    """One skincare product standing at (x, base); `u` is the photo size."""
    light, deep = art.rgb(glass[0]), art.rgb(glass[1])
    paper, ink = art.rgb(rng.choice(_LABELS)), art.rgb(rng.choice(("#3b3a36", "#5a4632", "#2f4a3a")))
    cap = art.rgb(rng.choice(("#1f1f22", "#c9a86a", "#f4f1ec", "#2b2b2b")))
    if kind == "dropper":
        w, h = u * 0.075, u * 0.15
        body = (x - w / 2, base - h, x + w / 2, base)
        pen.rectangle(body, art.mix(light, deep, 0.35), radius=w * 0.28)
        pen.rectangle((x - w * 0.2, base - h - u * 0.012, x + w * 0.2, base - h + u * 0.01), deep)
        pen.rectangle((x - w * 0.28, base - h - u * 0.05, x + w * 0.28, base - h - u * 0.008), cap, radius=w * 0.04)
        pen.rectangle((x - w * 0.19, base - h - u * 0.1, x + w * 0.19, base - h - u * 0.045), "#2a2a2c", radius=w * 0.19)
        _glass_light(pen, body)
        _label(pen, (x - w * 0.42, base - h * 0.72, x + w * 0.42, base - h * 0.15), paper, ink, rng)
    elif kind == "pump":
        w, h = u * 0.092, u * 0.22
        body = (x - w / 2, base - h, x + w / 2, base)
        pen.rectangle(body, art.mix(light, deep, 0.3), radius=w * 0.16)
        pen.rectangle((x - w * 0.26, base - h - u * 0.022, x + w * 0.26, base - h + u * 0.004), cap, radius=w * 0.05)
        pen.rectangle((x - w * 0.07, base - h - u * 0.05, x + w * 0.07, base - h - u * 0.02), cap)
        pen.rectangle((x - w * 0.22, base - h - u * 0.066, x + w * 0.22, base - h - u * 0.048), cap, radius=w * 0.04)
        pen.rectangle((x + w * 0.15, base - h - u * 0.064, x + w * 0.5, base - h - u * 0.054), cap)
        _glass_light(pen, body)
        _label(pen, (x - w * 0.4, base - h * 0.66, x + w * 0.4, base - h * 0.18), paper, ink, rng)
    elif kind == "jar":
        w, h = u * 0.15, u * 0.075
        body = (x - w / 2, base - h, x + w / 2, base)
        pen.rectangle(body, art.mix(light, deep, 0.3), radius=w * 0.08)
        lid = (x - w * 0.52, base - h - u * 0.038, x + w * 0.52, base - h + u * 0.004)
        pen.rectangle(lid, cap, radius=w * 0.05)
        for i in range(1, 14):
            lx = lid[0] + (lid[2] - lid[0]) * i / 14
            pen.line([(lx, lid[1] + 2), (lx, lid[3] - 2)], (*art.shade(cap, -0.2), 140), u * 0.002)
        _glass_light(pen, body)
        _label(pen, (x - w * 0.3, base - h * 0.8, x + w * 0.3, base - h * 0.15), paper, ink, rng)
    else:  # a tube standing on its cap
        w, h = u * 0.09, u * 0.19
        pen.rectangle((x - u * 0.028, base - u * 0.036, x + u * 0.028, base), cap, radius=u * 0.008)
        tube = [(x - u * 0.032, base - u * 0.034), (x + u * 0.032, base - u * 0.034), (x + w / 2, base - h), (x - w / 2, base - h)]
        pen.polygon(tube, paper)
        pen.rectangle((x - w * 0.52, base - h - u * 0.014, x + w * 0.52, base - h + u * 0.002), art.shade(paper, -0.08))
        pen.rectangle((x - u * 0.018, base - h * 0.7, x + u * 0.018, base - h * 0.3), art.mix(light, deep, 0.4), radius=u * 0.01)
        _glass_light(pen, (x - w / 2, base - h, x + w / 2, base - u * 0.034))


def _eucalyptus(pen: art.Pen, rng: random.Random, base: Point, u: float) -> None:
    """A bud vase with a eucalyptus sprig."""
    pen.rectangle((base[0] - u * 0.025, base[1] - u * 0.08, base[0] + u * 0.025, base[1]), (215, 230, 225, 170), radius=u * 0.012)
    leaf_color = art.rgb(rng.choice(("#8fa79a", "#7e9a8c", "#9db3a5")))
    for _ in range(2):
        angle = rng.uniform(-25, 25)
        length = u * rng.uniform(0.2, 0.28)
        tip = (base[0] + math.sin(math.radians(angle)) * length, base[1] - u * 0.07 - math.cos(math.radians(angle)) * length)
        stem_base = (base[0], base[1] - u * 0.05)
        pen.line([stem_base, tip], "#7b6a58", u * 0.003)
        for i in range(2, 9):
            at = _lerp(stem_base, tip, i / 9)
            r = u * 0.017 * (1.15 - i / 12)
            side = 1 if i % 2 else -1
            pen.circle((at[0] + side * r * 1.1, at[1]), r, fill=art.shade(leaf_color, rng.uniform(-0.1, 0.08)))


def _shelf(rng: random.Random, motif: Motif, s: int) -> tuple[Image.Image, str]:
    wall_name, (light, dark) = _pick(rng, _WALLS)
    canvas = art.ramp((s, s), [art.shade(light, 0.2), light, dark])
    draw = ImageDraw.Draw(canvas)
    if rng.random() < 0.45:  # bathroom tiles
        step = s * rng.choice((0.085, 0.11))
        grout = art.shade(light, 0.3)
        for i in range(1, int(1 / 0.085) + 2):
            draw.line((0, i * step, s, i * step), fill=grout, width=max(2, s // 400))
            draw.line((i * step, 0, i * step, s), fill=grout, width=max(2, s // 400))
    shelf_top = s * rng.uniform(0.74, 0.8)
    wood_name, wood = _pick(rng, _WOODS)
    art.soft_patch(canvas, [[(0, shelf_top), (s, shelf_top), (s, shelf_top + s * 0.1), (0, shelf_top + s * 0.1)]],
                   (0, 0, 0), 0.22, s * 0.03)
    canvas.paste(art.ramp((s, int(s * 0.05)), [art.shade(wood[0], 0.05), wood[1]]), (0, int(shelf_top)))
    draw.rectangle((0, shelf_top - s * 0.018, s, shelf_top), fill=art.shade(wood[0], 0.15))
    if rng.random() < 0.6:  # a pothos trailing from a shelf above the photo
        _plant(canvas, rng, "pothos", (s * rng.uniform(0.15, 0.85), -s * 0.05), s * 0.75)
    main = _MAIN_BOTTLE[motif.subject]
    kinds = [main] + [rng.choice(("dropper", "pump", "jar", "tube")) for _ in range(rng.randint(1, 2))]
    rng.shuffle(kinds)
    slots = len(kinds) + 1
    positions = [s * (0.1 + 0.8 * (i + 0.5) / slots + rng.uniform(-0.015, 0.015)) for i in range(slots)]
    vase_at = positions.pop(rng.randrange(slots))
    glass = _GLASS[motif.color]
    for kind, x in zip(kinds, positions, strict=True):
        own = glass if kind == main or rng.random() < 0.5 else _GLASS[rng.choice(sorted(_GLASS))]
        scale = s * rng.uniform(1.55, 1.75)
        art.sprite(canvas, lambda pen, kind=kind, x=x, own=own, scale=scale: _bottle(pen, rng, kind, x, shelf_top - s * 0.004, scale, own),
                   shadow=(s * 0.018, -s * 0.004, s * 0.014, 0.28))
    art.sprite(canvas, lambda pen: _eucalyptus(pen, rng, (vase_at, shelf_top - s * 0.004), s * 1.4),
               shadow=(s * 0.018, -s * 0.004, s * 0.014, 0.2))
    return canvas, f"A {motif.subject} in {motif.color} glass with other skincare on a {wood_name} shelf against a {wall_name} wall"


# --- living room -----------------------------------------------------------------------------------

_SOFAS = {
    "mustard": "#c99a3a", "sage": "#8ea58c", "terracotta": "#b8643f", "navy": "#34476b",
    "blush": "#d8a5a0", "forest green": "#3e5e4a", "oat": "#cbb89a",
}
_ACCENTS = ("#e9dcc6", "#c4643c", "#2f4a6b", "#d9a441", "#7f8f6a", "#b98a9a", "#f2ede4")


def _pillow(pen: art.Pen, center: Point, size: float, angle: float, color: Color, pattern: str) -> None:
    """A plump square cushion: a rounded square (a superellipse), turned a little."""
    x, y = center
    h = size / 2
    outline = []
    for i in range(36):
        a = 2 * math.pi * i / 36
        c, s_ = math.cos(a), math.sin(a)
        outline.append((x + h * math.copysign(abs(c) ** 0.5, c), y + h * math.copysign(abs(s_) ** 0.5, s_)))
    pen.polygon(art.rotated(outline, angle, center), color)
    if pattern == "stripe":
        for dy in (-0.35, 0.0, 0.35):
            band = [(x - h * 0.9, y + (dy - 0.06) * h), (x + h * 0.9, y + (dy - 0.06) * h),
                    (x + h * 0.9, y + (dy + 0.06) * h), (x - h * 0.9, y + (dy + 0.06) * h)]
            pen.polygon(art.rotated(band, angle, center), art.shade(color, -0.22) if sum(color) > 450 else art.shade(color, 0.3))
    elif pattern == "dots":
        for dx in (-0.5, 0, 0.5):
            for dy in (-0.5, 0, 0.5):
                dot = art.rotated([(x + dx * h, y + dy * h)], angle, center)[0]
                pen.circle(dot, size * 0.03, fill=art.shade(color, 0.35))
    pen.circle(art.rotated([(x, y)], angle, center)[0], h * 0.06, fill=art.shade(color, -0.2))


def _sofa(pen: art.Pen, rng: random.Random, cx: float, s: int, color: Color) -> None:
    w, arm = s * 0.64, s * 0.075
    back_top, seat, front, floor = s * 0.45, s * 0.635, s * 0.7, s * 0.79
    left, right = cx - w / 2, cx + w / 2
    for leg_x in (left + arm * 0.5, right - arm * 0.5):
        pen.rectangle((leg_x - s * 0.008, floor - s * 0.03, leg_x + s * 0.008, floor + s * 0.012), "#4a3423", radius=s * 0.004)
    pen.rectangle((left + arm * 0.6, back_top, right - arm * 0.6, seat + s * 0.02), art.shade(color, -0.12), radius=s * 0.03)
    cushions = rng.choice((2, 3))
    inner = (right - left - 2 * arm) / cushions
    for i in range(cushions):
        x0 = left + arm + i * inner
        pen.rectangle((x0 + s * 0.004, back_top + s * 0.025, x0 + inner - s * 0.004, seat + s * 0.005), art.shade(color, -0.04),
                      radius=s * 0.025)
        pen.rectangle((x0 + s * 0.002, seat - s * 0.012, x0 + inner - s * 0.002, front + s * 0.004), art.shade(color, 0.08),
                      radius=s * 0.018)
    pen.rectangle((left + arm * 0.6, front - s * 0.004, right - arm * 0.6, floor - s * 0.02), art.shade(color, -0.16), radius=s * 0.01)
    for x0 in (left, right - arm):
        pen.rectangle((x0, back_top + s * 0.1, x0 + arm, floor - s * 0.015), color, radius=s * 0.03)
        pen.rectangle((x0 + s * 0.006, back_top + s * 0.105, x0 + arm - s * 0.006, back_top + s * 0.13), art.shade(color, 0.12),
                      radius=s * 0.015)
    accents = rng.sample(_ACCENTS, 3)
    for i, accent in enumerate(accents[: rng.choice((2, 3))]):
        px = left + arm + s * 0.06 + i * s * 0.11 if i < 2 else right - arm - s * 0.07
        _pillow(pen, (px, seat - s * 0.06), s * 0.12, rng.uniform(-14, 14), art.rgb(accent), rng.choice(("plain", "stripe", "dots")))
    # A knit throw over one arm.
    throw = art.rgb(rng.choice(("#efe7d6", "#d6c4a3", "#b0532e", "#7896b4", "#3b3e44")))
    x0 = right - arm * 1.4 if rng.random() < 0.5 else left - arm * 0.1
    drape = [(x0, back_top + s * 0.09), (x0 + arm * 1.5, back_top + s * 0.09), (x0 + arm * 1.55, floor - s * 0.06),
             (x0 - arm * 0.05, floor - s * 0.04)]
    pen.polygon(drape, throw)
    for i in range(1, 9):
        t = i / 9
        top, bottom = _lerp(drape[0], drape[1], t), _lerp(drape[3], drape[2], t)
        pen.line([top, bottom], art.shade(throw, -0.12), s * 0.003)
    for i in range(12):
        t = (i + 0.5) / 12
        at = _lerp(drape[3], drape[2], t)
        pen.line([at, (at[0], at[1] + s * 0.018)], art.shade(throw, -0.05), s * 0.002)


def _floor_lamp(canvas: Image.Image, rng: random.Random, x: float, floor: float, s: int) -> None:
    shade_top, shade_bottom = s * 0.26, s * 0.36
    art.glow(canvas, (x, shade_bottom), s * 0.7, (255, 210, 140), 0.5, falloff=1.6)
    art.soft_patch(canvas, [[(x - s * 0.06, shade_bottom), (x + s * 0.06, shade_bottom), (x + s * 0.2, floor), (x - s * 0.2, floor)]],
                   (255, 226, 170), 0.18, s * 0.04)
    metal = art.rgb(rng.choice(("#2a2a2c", "#b08d57")))
    art.sprite(canvas, lambda pen: (
        pen.ellipse((x - s * 0.05, floor - s * 0.012, x + s * 0.05, floor + s * 0.008), fill=metal),
        pen.line([(x, floor), (x, shade_bottom)], metal, s * 0.007),
        pen.polygon([(x - s * 0.045, shade_top), (x + s * 0.045, shade_top), (x + s * 0.075, shade_bottom),
                     (x - s * 0.075, shade_bottom)], "#fbe7c4"),
        pen.ellipse((x - s * 0.075, shade_bottom - s * 0.008, x + s * 0.075, shade_bottom + s * 0.008), fill="#fff6df"),
    ), shadow=(s * 0.01, s * 0.004, s * 0.01, 0.2))


def _wall_art(canvas: Image.Image, rng: random.Random, box: tuple[float, float, float, float], s: int) -> None:
    x0, y0, x1, y1 = box
    frame = art.rgb(rng.choice(("#2b2b2b", "#b48a5e", "#f2efe8")))
    mat = (x0 + s * 0.018, y0 + s * 0.018, x1 - s * 0.018, y1 - s * 0.018)
    inner = (mat[0] + s * 0.02, mat[1] + s * 0.02, mat[2] - s * 0.02, mat[3] - s * 0.02)
    theme = rng.choice(("sun", "arches", "hills"))
    colors = [art.rgb(c) for c in rng.sample(("#d98a5f", "#e9c46a", "#7f9c8a", "#34476b", "#e7b8a8", "#b8643f"), 3)]

    def border(pen: art.Pen, outer: tuple[float, float, float, float], hole: tuple[float, float, float, float],
               color: Color | str) -> None:
        pen.rectangle((outer[0], outer[1], outer[2], hole[1]), color)
        pen.rectangle((outer[0], hole[3], outer[2], outer[3]), color)
        pen.rectangle((outer[0], outer[1], hole[0], outer[3]), color)
        pen.rectangle((hole[2], outer[1], outer[2], outer[3]), color)

    def paint(pen: art.Pen) -> None:
        ix0, iy0, ix1, iy1 = inner
        w, h = ix1 - ix0, iy1 - iy0
        pen.rectangle(inner, art.mix(colors[0], "#ffffff", 0.7))
        if theme == "sun":
            pen.circle((ix0 + w * 0.5, iy0 + h * 0.55), w * 0.28, fill=colors[1])
            pen.rectangle((ix0, iy0 + h * 0.62, ix1, iy1), colors[2])
        elif theme == "arches":
            for i, color in enumerate(colors):
                r = w * (0.42 - i * 0.12)
                pen.ellipse((ix0 + w / 2 - r, iy1 - r * 1.1, ix0 + w / 2 + r, iy1 + r * 0.9), fill=color)
        else:
            pen.polygon([(ix0, iy1), (ix0, iy0 + h * 0.6), (ix0 + w * 0.4, iy0 + h * 0.35), (ix1, iy0 + h * 0.7), (ix1, iy1)], colors[2])
            pen.circle((ix0 + w * 0.7, iy0 + h * 0.3), w * 0.1, fill=colors[1])
        border(pen, mat, inner, "#faf7f0")  # the mat and frame go on last, over the picture's edges
        border(pen, box, mat, frame)

    art.sprite(canvas, paint, shadow=(s * 0.008, s * 0.012, s * 0.012, 0.3))


def _room(rng: random.Random, motif: Motif, s: int) -> tuple[Image.Image, str]:
    wall_name = rng.choice(("sand", "terracotta", "blush", "cream", "sage"))  # warm walls for an evening in
    light, dark = (art.mix(c, "#e8b27a", 0.18) for c in _WALLS[wall_name])
    floor_y = s * rng.uniform(0.78, 0.8)
    canvas = art.ramp((s, s), [art.shade(dark, -0.3), art.shade(light, -0.08), art.shade(dark, -0.1)])
    wood = _WOODS[rng.choice(("oak", "walnut", "ash"))]
    canvas.paste(art.ramp((s, s - int(floor_y)), [art.shade(wood[1], -0.1), wood[0]]), (0, int(floor_y)))
    draw = ImageDraw.Draw(canvas)
    y, gap = floor_y, s * 0.018
    while y < s:  # floorboards, wider as they come closer
        draw.line((0, y, s, y), fill=art.shade(wood[1], -0.2), width=max(1, s // 540))
        for _ in range(3):
            x = rng.uniform(0, s)
            draw.line((x, y, x, y + gap), fill=art.shade(wood[1], -0.2), width=max(1, s // 540))
        y += gap
        gap *= 1.25
    draw.rectangle((0, floor_y - s * 0.018, s, floor_y), fill=art.shade(light, 0.2))
    sofa = art.rgb(_SOFAS[motif.color])
    cx = s * rng.uniform(0.46, 0.54)
    lamp_left = rng.random() < 0.5
    # Rug under the front of the sofa.
    rug = art.rgb(rng.choice(("#efe6d6", "#c98f6b", "#7f8fa6", "#d8c3a5")))
    rug_shape = [(cx - s * 0.42, floor_y + s * 0.03), (cx + s * 0.42, floor_y + s * 0.03), (cx + s * 0.55, s * 1.02), (cx - s * 0.55, s * 1.02)]
    draw.polygon(rug_shape, fill=rug)
    for i in range(1, 4):
        t = i / 4
        draw.line([_lerp(rug_shape[0], rug_shape[3], t), _lerp(rug_shape[1], rug_shape[2], t)], fill=art.shade(rug, -0.12),
                  width=max(2, s // 200))
    frames = rng.choice((1, 2, 3))
    width = s * (0.22 if frames == 1 else 0.15)
    total = frames * width + (frames - 1) * s * 0.03
    for i in range(frames):
        x0 = cx - total / 2 + i * (width + s * 0.03)
        height = width * (1.25 if frames != 2 else 1.3)
        _wall_art(canvas, rng, (x0, s * 0.4 - height, x0 + width, s * 0.4), s)
    lamp_x = cx - s * 0.42 if lamp_left else cx + s * 0.42
    _floor_lamp(canvas, rng, lamp_x, floor_y + s * 0.06, s)
    floor_shadow = Image.new("L", (int(s * 0.7), int(s * 0.05)), 0)
    ImageDraw.Draw(floor_shadow).ellipse((0, 0, floor_shadow.width - 1, floor_shadow.height - 1), fill=255)
    art.soft_shadow(canvas, floor_shadow, position=(cx - s * 0.35, s * 0.775), blur=s * 0.02, opacity=0.45)
    art.sprite(canvas, lambda pen: _sofa(pen, rng, cx, s, sofa))
    # Side table with a mug and a small plant, on the other side from the lamp.
    tx = cx + s * 0.41 if lamp_left else cx - s * 0.41
    top_y = s * 0.64
    art.sprite(canvas, lambda pen: (
        pen.line([(tx, top_y), (tx, floor_y + s * 0.05)], "#5a4030", s * 0.01),
        pen.ellipse((tx - s * 0.06, floor_y + s * 0.04, tx + s * 0.06, floor_y + s * 0.06), fill="#5a4030"),
        pen.ellipse((tx - s * 0.085, top_y - s * 0.014, tx + s * 0.085, top_y + s * 0.014), fill=wood[0]),
    ), shadow=(s * 0.01, s * 0.005, s * 0.01, 0.25))
    _potted_plant(canvas, rng, rng.choice(("pothos", "snake plant")), rng.choice(sorted(_POTS)), tx + s * 0.02, top_y, s, k=0.38)
    art.glow(canvas, (lamp_x, s * 0.34), s * 0.35, (255, 200, 130), 0.25)
    art.vignette(canvas, 0.4)
    return canvas, f"A cosy {wall_name} living room in the evening: a {motif.color} sofa with cushions and a knit throw, a glowing floor lamp"


# --- flat-lays -------------------------------------------------------------------------------------

_SURFACES = {
    "linen": ("#ece5d9", "#dcd2c2"), "oak": ("#d7b48a", "#b98f62"), "marble": ("#f1f0ed", "#dcdad5"),
    "blush paper": ("#f3dad2", "#e5c0b4"), "sage paper": ("#dde7df", "#c3d2c7"),
}
_FLATLAY_ITEMS = {
    "coffee": ("latte", "croissant", "notebook", "sunglasses", "phone", "sprig"),
    "accessories": ("sunglasses", "watch", "lipstick", "earrings", "perfume", "notebook", "sprig"),
    "trail kit": ("bottle", "cap", "watch", "gels", "sunglasses", "notebook"),
    "gift set": ("gift", "candle", "knit", "mug", "card", "sprig"),
}
_ITEM_NAMES = {
    "latte": "a latte", "croissant": "a croissant", "notebook": "a notebook", "sunglasses": "sunglasses",
    "phone": "a phone", "sprig": "a eucalyptus sprig", "watch": "a watch", "lipstick": "a lipstick",
    "earrings": "gold earrings", "perfume": "a perfume bottle", "bottle": "a water bottle", "cap": "a running cap",
    "gels": "energy gels", "gift": "a wrapped gift", "candle": "a candle", "knit": "a folded knit beanie",
    "mug": "a stoneware mug", "card": "a card",
}


def _item(pen: art.Pen, rng: random.Random, kind: str, x: float, y: float, u: float) -> None:
    """One flat-lay object seen from above, centred on (x, y); `u` is a tenth of the photo."""
    accent = art.rgb(rng.choice(("#c4643c", "#2f4a6b", "#d9a441", "#7f8f6a", "#b98a9a", "#3b3e44", "#e9dcc6")))
    if kind == "latte":
        pen.circle((x, y), u * 0.95, fill="#f7f5f0")
        pen.circle((x, y), u * 0.95, outline="#e4e0d8", width=u * 0.03)
        pen.circle((x, y), u * 0.6, fill="#fbfaf7")
        pen.circle((x, y), u * 0.5, fill="#a8744a")
        pen.circle((x, y), u * 0.42, fill="#c99a6e")
        pen.circle((x - u * 0.1, y - u * 0.06), u * 0.14, fill="#f4e8d6")
        pen.circle((x + u * 0.1, y - u * 0.06), u * 0.14, fill="#f4e8d6")
        pen.polygon([(x - u * 0.23, y - u * 0.0), (x + u * 0.23, y - u * 0.0), (x, y + u * 0.25)], "#f4e8d6")
        pen.rectangle((x + u * 0.62, y - u * 0.06, x + u * 1.25, y + u * 0.06), "#c9c6bf", radius=u * 0.05)
    elif kind == "croissant":
        for i in range(6):
            t = i / 5
            angle = math.radians(200 + t * 140)
            cx, cy = x + math.cos(angle) * u * 0.55, y + math.sin(angle) * u * 0.45 + u * 0.2
            r = u * (0.22 + 0.16 * math.sin(math.pi * t))
            pen.circle((cx, cy), r, fill=art.shade("#d49a4e", -0.15 + 0.25 * math.sin(math.pi * t)))
            pen.arc((cx - r, cy - r, cx + r, cy + r), 200, 340, "#a0652a", u * 0.03)
    elif kind == "notebook":
        pen.rectangle((x - u * 0.7, y - u * 0.95, x + u * 0.7, y + u * 0.95), accent, radius=u * 0.06)
        pen.rectangle((x + u * 0.45, y - u * 0.95, x + u * 0.52, y + u * 0.95), art.shade(accent, -0.35))
        pen.rectangle((x - u * 0.95, y - u * 0.5, x - u * 0.85, y + u * 0.8), "#2b2b2b", radius=u * 0.03)
        pen.polygon([(x - u * 0.95, y + u * 0.8), (x - u * 0.85, y + u * 0.8), (x - u * 0.9, y + u * 0.92)], "#c9a86a")
    elif kind == "sunglasses":
        lens = art.rgb(rng.choice(("#2b2b2b", "#5a3a2a", "#2f4a3a")))
        for side in (-1, 1):
            pen.ellipse((x + side * u * 0.55 - u * 0.42, y - u * 0.32, x + side * u * 0.55 + u * 0.42, y + u * 0.32),
                        fill=lens, outline=art.shade(lens, -0.3), width=u * 0.05)
            pen.ellipse((x + side * u * 0.55 - u * 0.25, y - u * 0.22, x + side * u * 0.55 - u * 0.05, y - u * 0.05),
                        fill=(255, 255, 255, 60))
            pen.line([(x + side * u * 0.95, y - u * 0.2), (x + side * u * 0.6, y - u * 0.5)], art.shade(lens, -0.3), u * 0.06)
        pen.arc((x - u * 0.18, y - u * 0.2, x + u * 0.18, y + u * 0.1), 200, 340, art.shade(lens, -0.3), u * 0.06)
    elif kind == "phone":
        pen.rectangle((x - u * 0.45, y - u * 0.9, x + u * 0.45, y + u * 0.9), "#1f1f22", radius=u * 0.12)
        pen.rectangle((x - u * 0.4, y - u * 0.84, x + u * 0.4, y + u * 0.84), "#2f3440", radius=u * 0.09)
    elif kind == "sprig":
        _eucalyptus_sprig(pen, rng, (x - u * 0.2, y + u * 0.9), (x + u * 0.3, y - u * 0.9), u)
    elif kind == "watch":
        strap = art.rgb(rng.choice(("#7a4b2e", "#2b2b2b", "#c9b49a")))
        pen.rectangle((x - u * 0.2, y - u * 1.0, x + u * 0.2, y + u * 1.0), strap, radius=u * 0.1)
        pen.circle((x, y), u * 0.38, fill="#c9a86a")
        pen.circle((x, y), u * 0.32, fill="#f7f4ee")
        pen.line([(x, y), (x, y - u * 0.22)], "#2b2b2b", u * 0.03)
        pen.line([(x, y), (x + u * 0.16, y + u * 0.05)], "#2b2b2b", u * 0.03)
    elif kind == "lipstick":
        pen.rectangle((x - u * 0.14, y - u * 0.2, x + u * 0.14, y + u * 0.6), "#c9a86a", radius=u * 0.03)
        pen.rectangle((x - u * 0.1, y - u * 0.45, x + u * 0.1, y - u * 0.18), art.rgb(rng.choice(("#b0303a", "#c4643c", "#9b3b5a"))),
                      radius=u * 0.08)
    elif kind == "earrings":
        for dx in (-0.3, 0.3):
            pen.circle((x + dx * u, y), u * 0.22, outline="#c9a86a", width=u * 0.05)
            pen.circle((x + dx * u, y - u * 0.22), u * 0.05, fill="#e9d8b0")
    elif kind == "perfume":
        pen.rectangle((x - u * 0.45, y - u * 0.5, x + u * 0.45, y + u * 0.55), (240, 226, 214, 220), radius=u * 0.1)
        pen.rectangle((x - u * 0.3, y - u * 0.35, x + u * 0.3, y + u * 0.4), (*accent, 110), radius=u * 0.06)
        pen.rectangle((x - u * 0.18, y - u * 0.8, x + u * 0.18, y - u * 0.5), "#c9a86a", radius=u * 0.04)
    elif kind == "bottle":
        pen.rectangle((x - u * 0.3, y - u * 1.0, x + u * 0.3, y + u * 0.8), accent, radius=u * 0.25)
        pen.rectangle((x - u * 0.2, y - u * 1.25, x + u * 0.2, y - u * 0.95), "#2b2b2b", radius=u * 0.06)
        pen.rectangle((x - u * 0.22, y - u * 0.7, x - u * 0.12, y + u * 0.5), (255, 255, 255, 70), radius=u * 0.05)
    elif kind == "cap":
        pen.ellipse((x - u * 0.55, y + u * 0.1, x + u * 0.55, y + u * 1.05), fill=art.shade(accent, -0.18))
        crown = (x, y - u * 0.1)
        pen.circle(crown, u * 0.7, fill=accent)
        for i in range(6):  # the panel seams
            a = math.pi * (i / 3 + 1 / 6)
            pen.line([crown, (crown[0] + math.cos(a) * u * 0.68, crown[1] + math.sin(a) * u * 0.68)], art.shade(accent, -0.2), u * 0.025)
        pen.circle(crown, u * 0.08, fill=art.shade(accent, -0.3))
    elif kind == "gels":
        for i, color in enumerate(("#e76f51", "#2a9d8f", "#e9c46a")):
            gx = x + (i - 1) * u * 0.45
            pen.rectangle((gx - u * 0.18, y - u * 0.55, gx + u * 0.18, y + u * 0.55), color, radius=u * 0.04)
            pen.rectangle((gx - u * 0.12, y - u * 0.7, gx + u * 0.12, y - u * 0.5), art.shade(color, -0.25), radius=u * 0.03)
    elif kind == "gift":
        pen.rectangle((x - u * 0.8, y - u * 0.8, x + u * 0.8, y + u * 0.8), accent, radius=u * 0.04)
        ribbon = "#f2ede4" if sum(accent) < 450 else "#b0303a"
        pen.rectangle((x - u * 0.1, y - u * 0.8, x + u * 0.1, y + u * 0.8), ribbon)
        pen.rectangle((x - u * 0.8, y - u * 0.1, x + u * 0.8, y + u * 0.1), ribbon)
        pen.ellipse((x - u * 0.45, y - u * 0.3, x, y + u * 0.05), outline=ribbon, width=u * 0.08)
        pen.ellipse((x, y - u * 0.3, x + u * 0.45, y + u * 0.05), outline=ribbon, width=u * 0.08)
    elif kind == "candle":
        pen.circle((x, y), u * 0.6, fill="#e8e2d8")
        pen.circle((x, y), u * 0.5, fill="#f6f1e6")
        pen.circle((x, y), u * 0.05, fill="#3b3a36")
    elif kind == "knit":
        pen.rectangle((x - u * 0.85, y - u * 0.6, x + u * 0.85, y + u * 0.6), accent, radius=u * 0.15)
        for i in range(1, 14):
            lx = x - u * 0.85 + u * 1.7 * i / 14
            pen.line([(lx, y - u * 0.55), (lx, y + u * 0.55)], art.shade(accent, -0.15), u * 0.035)
        pen.rectangle((x - u * 0.85, y + u * 0.25, x + u * 0.85, y + u * 0.6), art.shade(accent, -0.08), radius=u * 0.12)
        pen.circle((x - u * 0.95, y - u * 0.3), u * 0.28, fill=art.shade(accent, 0.25))
    elif kind == "mug":
        pen.rectangle((x + u * 0.5, y - u * 0.14, x + u * 0.95, y + u * 0.14), "#8fa79a", radius=u * 0.1)
        pen.circle((x, y), u * 0.62, fill="#8fa79a")
        pen.circle((x, y), u * 0.52, fill="#5b3a26")
        pen.circle((x - u * 0.15, y - u * 0.15), u * 0.1, fill=(255, 255, 255, 50))
    elif kind == "card":
        pen.rectangle((x - u * 0.6, y - u * 0.42, x + u * 0.6, y + u * 0.42), "#fbf8f1", radius=u * 0.02)
        pen.rectangle((x - u * 0.35, y - u * 0.05, x + u * 0.35, y + u * 0.02), accent)
        pen.rectangle((x - u * 0.25, y + u * 0.1, x + u * 0.25, y + u * 0.14), "#b9b2a6")


def _eucalyptus_sprig(pen: art.Pen, rng: random.Random, start: Point, end: Point, u: float) -> None:
    leaf = art.rgb(rng.choice(("#8fa79a", "#7e9a8c", "#9db3a5")))
    pen.line([start, end], "#7b6a58", u * 0.04)
    for i in range(1, 10):
        at = _lerp(start, end, i / 10)
        for side in (-1, 1):
            pen.circle((at[0] + side * u * 0.13, at[1] + u * 0.02 * side), u * (0.15 - i * 0.008),
                       fill=art.shade(leaf, rng.uniform(-0.1, 0.08)))


def _flatlay(rng: random.Random, motif: Motif, s: int) -> tuple[Image.Image, str]:
    light, dark = _SURFACES[motif.color]
    canvas = art.ramp((s, s), [art.shade(light, 0.08), light, dark])
    draw = ImageDraw.Draw(canvas)
    if motif.color == "oak":
        plank = s / 4
        for i in range(1, 4):
            draw.line((0, i * plank, s, i * plank), fill=art.shade(dark, -0.2), width=max(2, s // 400))
        for _ in range(28):  # wood grain
            y, freq, phase = rng.uniform(0, s), rng.uniform(2, 5), rng.uniform(0, 6)
            points = [(x, y + math.sin(x / s * freq + phase) * s * 0.006) for x in range(0, s + 60, 60)]
            draw.line(points, fill=art.shade(light, rng.uniform(-0.1, -0.04)), width=max(1, s // 900))
    elif motif.color == "marble":
        for _ in range(6):
            x, y = rng.uniform(0, s), rng.uniform(0, s)
            points = []
            for _ in range(12):
                points.append((x, y))
                x, y = x + rng.uniform(0.02, 0.08) * s, y + rng.uniform(-0.05, 0.08) * s
            draw.line(points, fill=art.shade(dark, -0.08), width=max(1, s // 500), joint="curve")
    elif motif.color == "linen":
        for i in range(0, s, max(3, s // 270)):
            draw.line((0, i, s, i), fill=art.shade(light, -0.03))
    kinds = list(_FLATLAY_ITEMS[motif.subject])
    rng.shuffle(kinds)
    kinds = kinds[: rng.randint(5, 6)]
    cells = [(c, r) for c in range(3) for r in range(3)]
    rng.shuffle(cells)
    u = s * 0.13 * rng.uniform(0.95, 1.08)
    for kind, (col, row) in zip(kinds, cells, strict=False):
        x = s * (0.19 + col * 0.31 + rng.uniform(-0.03, 0.03))
        y = s * (0.19 + row * 0.31 + rng.uniform(-0.03, 0.03))
        art.sprite(canvas, lambda pen, kind=kind, x=x, y=y: _item(pen, rng, kind, x, y, u),
                   angle=rng.uniform(-35, 35), shadow=(s * 0.012, s * 0.016, s * 0.012, 0.3))
    art.glow(canvas, (s * 0.15, s * 0.1), s * 0.8, (255, 252, 244), 0.25)
    names = [_ITEM_NAMES[k] for k in kinds]
    return canvas, f"A flat-lay of {', '.join(names[:-1])} and {names[-1]} on {motif.color}"


# --- cast iron -------------------------------------------------------------------------------------

_TABLES = {"oak": ("#c9a074", "#a87d52"), "walnut": ("#7a5236", "#5a3a24"), "slate": ("#5d646b", "#42484e")}


def _blob(pen: art.Pen, rng: random.Random, center: Point, radius: float, color: Color, lumps: int = 7) -> None:
    """An irregular round shape (an egg white, a pancake) from overlapping circles."""
    pen.circle(center, radius * 0.8, fill=color)
    for i in range(lumps):
        angle = 2 * math.pi * (i + rng.uniform(0, 0.6)) / lumps
        r = radius * rng.uniform(0.35, 0.5)
        pen.circle((center[0] + math.cos(angle) * radius * 0.55, center[1] + math.sin(angle) * radius * 0.55), r, fill=color)


def _skillet_dish(pen: art.Pen, rng: random.Random, dish: str, c: Point, r: float) -> None:
    if dish == "shakshuka":
        pen.circle(c, r, fill="#b8321f")
        for _ in range(40):
            a, d = rng.uniform(0, 2 * math.pi), r * math.sqrt(rng.random()) * 0.95
            pen.circle((c[0] + math.cos(a) * d, c[1] + math.sin(a) * d), r * rng.uniform(0.03, 0.08),
                       fill=rng.choice(("#d9542e", "#9e2a18", "#c8442a", "#e0733d")))
        for i in range(rng.randint(3, 4)):
            a = 2 * math.pi * i / 4 + rng.uniform(-0.3, 0.3)
            at = (c[0] + math.cos(a) * r * 0.5, c[1] + math.sin(a) * r * 0.5)
            _blob(pen, rng, at, r * 0.24, art.rgb("#f7f3ea"))
            pen.circle(at, r * 0.09, fill="#f2a516")
            pen.circle((at[0] - r * 0.03, at[1] - r * 0.03), r * 0.025, fill="#ffd77a")
        for _ in range(30):
            a, d = rng.uniform(0, 2 * math.pi), r * math.sqrt(rng.random()) * 0.9
            pen.circle((c[0] + math.cos(a) * d, c[1] + math.sin(a) * d), r * 0.018, fill="#3f7d3a")
    elif dish == "fried eggs":
        pen.circle(c, r, fill="#26262a")
        for i in range(3):
            a = 2 * math.pi * i / 3 + rng.uniform(-0.3, 0.3)
            at = (c[0] + math.cos(a) * r * 0.45, c[1] + math.sin(a) * r * 0.45)
            _blob(pen, rng, at, r * 0.36, art.rgb("#fbf8f0"))
            pen.circle(at, r * 0.12, fill="#f5a81c")
            pen.circle((at[0] - r * 0.04, at[1] - r * 0.04), r * 0.03, fill="#ffe29a")
        for _ in range(40):
            a, d = rng.uniform(0, 2 * math.pi), r * math.sqrt(rng.random()) * 0.9
            pen.circle((c[0] + math.cos(a) * d, c[1] + math.sin(a) * d), r * 0.008, fill="#1a1a1a")
    elif dish == "roast vegetables":
        pen.circle(c, r, fill="#2a2a2d")
        for _ in range(60):
            a, d = rng.uniform(0, 2 * math.pi), r * math.sqrt(rng.random()) * 0.85
            at = (c[0] + math.cos(a) * d, c[1] + math.sin(a) * d)
            kind = rng.choice(("potato", "potato", "carrot", "broccoli", "onion"))
            if kind == "potato":
                pen.circle(at, r * 0.12, fill=rng.choice(("#d9a441", "#c98f2e", "#e0b458")))
                pen.circle((at[0] - r * 0.03, at[1] - r * 0.03), r * 0.04, fill=(255, 240, 200, 90))
            elif kind == "carrot":
                pen.line([at, (at[0] + r * 0.2, at[1] + r * 0.07)], "#e07a2e", r * 0.09)
            elif kind == "broccoli":
                for j in range(4):
                    pen.circle((at[0] + (j % 2) * r * 0.07, at[1] + (j // 2) * r * 0.07), r * 0.065, fill="#3f7d3a")
            else:
                pen.arc((at[0] - r * 0.08, at[1] - r * 0.08, at[0] + r * 0.08, at[1] + r * 0.08), 180, 360, "#8e3b6b", r * 0.03)
    else:  # Dutch baby pancake
        pen.circle(c, r, fill="#2a2a2d")
        _blob(pen, rng, c, r * 0.9, art.rgb("#c98a3a"), lumps=11)
        pen.circle(c, r * 0.62, fill="#e8c47a")
        for _ in range(14):
            a, d = rng.uniform(0, 2 * math.pi), r * math.sqrt(rng.random()) * 0.5
            pen.circle((c[0] + math.cos(a) * d, c[1] + math.sin(a) * d), r * 0.05,
                       fill=rng.choice(("#3b4a8a", "#b0303a", "#4a2f6b")))
        for _ in range(120):
            a, d = rng.uniform(0, 2 * math.pi), r * math.sqrt(rng.random()) * 0.7
            pen.circle((c[0] + math.cos(a) * d, c[1] + math.sin(a) * d), r * 0.007, fill=(255, 255, 255, 200))


def _skillet(rng: random.Random, motif: Motif, s: int) -> tuple[Image.Image, str]:
    light, dark = _TABLES[motif.color]
    canvas = art.ramp((s, s), [art.shade(light, 0.05), dark])
    draw = ImageDraw.Draw(canvas)
    plank = s / rng.choice((4, 5))
    x = -rng.uniform(0, plank)
    while x < s:
        draw.rectangle((x, 0, x + plank, s), fill=None, outline=art.shade(dark, -0.25), width=max(2, s // 360))
        for _ in range(12):
            gx = x + rng.uniform(0.05, 0.95) * plank
            points = [(gx + math.sin(y / s * 9 + gx) * s * 0.004, y) for y in range(0, s + 30, 30)]
            draw.line(points, fill=art.shade(light, rng.uniform(-0.12, -0.03)), width=max(1, s // 900))
        x += plank
    towel = art.rgb(rng.choice(("#f2ede4", "#e9dcc6")))
    stripe = art.rgb(rng.choice(("#2f4a6b", "#b0303a", "#4f7a3f")))
    angle = rng.uniform(-20, 20)
    pivot = (s * 0.8, s * 0.75)

    def band(top: float, bottom: float) -> list[Point]:
        return art.rotated([(s * 0.55, top), (s * 1.1, top), (s * 1.1, bottom), (s * 0.55, bottom)], angle, pivot)

    art.sprite(canvas, lambda pen: (
        pen.polygon(band(s * 0.45, s * 1.1), towel),
        pen.polygon(band(s * 0.52, s * 0.55), stripe),
        pen.polygon(band(s * 0.58, s * 0.595), stripe),
    ), shadow=(s * 0.004, s * 0.006, s * 0.006, 0.25))
    c = (s * rng.uniform(0.42, 0.5), s * rng.uniform(0.44, 0.52))
    r = s * 0.3
    handle_angle = math.radians(rng.uniform(-40, 40))

    def skillet(pen: art.Pen) -> None:
        hx, hy = math.cos(handle_angle), math.sin(handle_angle)
        start = (c[0] + hx * r * 0.9, c[1] + hy * r * 0.9)
        end = (c[0] + hx * r * 1.75, c[1] + hy * r * 1.75)
        pen.line([start, end], "#1d1d20", r * 0.2)
        pen.circle(end, r * 0.1, fill="#1d1d20")
        pen.circle(end, r * 0.045, fill=art.shade(light, -0.1))
        helper = (c[0] - hx * r * 1.12, c[1] - hy * r * 1.12)
        pen.circle(helper, r * 0.16, fill="#1d1d20")
        pen.circle(c, r * 1.08, fill="#1d1d20")
        pen.arc((c[0] - r * 1.04, c[1] - r * 1.04, c[0] + r * 1.04, c[1] + r * 1.04), 200, 290, "#55555b", r * 0.035)
        pen.circle(c, r * 0.95, fill="#2b2b2f")
        _skillet_dish(pen, rng, motif.subject, c, r * 0.9)

    art.sprite(canvas, skillet, shadow=(s * 0.015, s * 0.02, s * 0.02, 0.45))
    # A pinch bowl of salt and half a lemon.
    bowl = (s * rng.uniform(0.12, 0.2), s * rng.uniform(0.8, 0.88))
    lemon = (s * rng.uniform(0.8, 0.88), s * rng.uniform(0.1, 0.2))

    def props(pen: art.Pen) -> None:
        pen.circle(bowl, s * 0.06, fill="#efe9df")
        pen.circle(bowl, s * 0.048, fill="#f8f6f2")
        for _ in range(40):
            a, d = rng.uniform(0, 2 * math.pi), s * 0.04 * math.sqrt(rng.random())
            pen.circle((bowl[0] + math.cos(a) * d, bowl[1] + math.sin(a) * d), s * 0.0025, fill="#d9d4cb")
        pen.circle(lemon, s * 0.06, fill="#f2c84b")
        pen.circle(lemon, s * 0.052, fill="#f9e6a0")
        for i in range(8):
            a = 2 * math.pi * i / 8
            pen.line([lemon, (lemon[0] + math.cos(a) * s * 0.045, lemon[1] + math.sin(a) * s * 0.045)], "#f2d46b", s * 0.003)

    art.sprite(canvas, props, shadow=(s * 0.008, s * 0.01, s * 0.01, 0.3))
    art.vignette(canvas, 0.3)
    return canvas, f"{motif.subject.capitalize()} in a cast iron skillet on a {motif.color} table"


# --- studio product shots --------------------------------------------------------------------------

_STUDIO_ITEMS = ("bottle", "cap", "watch", "sunglasses", "gels", "knit", "candle", "gift", "lipstick", "perfume", "mug")


def _studio(rng: random.Random, motif: Motif, s: int) -> tuple[Image.Image, str]:
    """One object, seen from above, alone on a plain gradient backdrop: a shop's product shot."""
    light, dark = _WALLS[motif.color]
    canvas = art.ramp((s, s), [art.shade(light, 0.35), light, dark])
    art.glow(canvas, (s * 0.45, s * 0.4), s * 0.7, (255, 255, 255), 0.35)
    u = s * rng.uniform(0.24, 0.28)
    art.sprite(canvas, lambda pen: _item(pen, rng, motif.subject, s * 0.5, s * 0.5, u),
               angle=rng.uniform(-14, 14), shadow=(s * 0.02, s * 0.03, s * 0.025, 0.32))
    art.vignette(canvas, 0.18)
    return canvas, f"{_ITEM_NAMES[motif.subject].capitalize()} on a plain {motif.color} backdrop"


SCENES: dict[str, _Scene] = {
    "sweater": _Scene(("sweater", "cardigan", "turtleneck"), tuple(_YARNS), _sweater),
    "ceramic": _Scene(("vase", "mug", "bowl"), tuple(_GLAZES), _ceramic),
    "mountains": _Scene(("sunset run",), tuple(_SKIES), _mountains),
    "plant": _Scene(tuple(_PLANTS), tuple(_POTS), _plant_by_window),
    "shelf": _Scene(tuple(_MAIN_BOTTLE), tuple(_GLASS), _shelf),
    "room": _Scene(("living room",), tuple(_SOFAS), _room),
    "flatlay": _Scene(tuple(_FLATLAY_ITEMS), tuple(_SURFACES), _flatlay),
    "skillet": _Scene(("shakshuka", "fried eggs", "roast vegetables", "Dutch baby"), tuple(_TABLES), _skillet),
    "studio": _Scene(_STUDIO_ITEMS, tuple(_WALLS), _studio),  # product shots only: no post kind uses it
}
