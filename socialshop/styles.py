"""Design tokens: the only place sizes, widths and shared looks are spelled out."""

ACCENT = "tomato"
GRAY = "sand"

CONTENT_MAX_WIDTH = "1080px"
NARROW_MAX_WIDTH = "640px"
FORM_MAX_WIDTH = "420px"
NAVBAR_HEIGHT = "60px"
BOTTOM_NAV_HEIGHT = "60px"

PAGE_PADDING_X = ["12px", "16px", "24px"]
PAGE_PADDING_Y = ["16px", "20px", "32px"]

CARD = {
    "width": "100%",
    "box_shadow": "0 1px 2px rgba(0,0,0,0.04)",
}

NAV_BLUR = {
    "backdrop_filter": "saturate(180%) blur(12px)",
    "background_color": "color-mix(in srgb, var(--color-background) 85%, transparent)",
}

LOGO_GRADIENT = (
    "linear-gradient(135deg, var(--tomato-9) 0%, var(--amber-9) 60%, var(--pink-9) 100%)"
)

HERO_BACKGROUND = (
    "radial-gradient(circle at 15% 20%, var(--tomato-a4), transparent 45%),"
    " radial-gradient(circle at 85% 10%, var(--amber-a4), transparent 40%),"
    " radial-gradient(circle at 70% 90%, var(--pink-a3), transparent 45%)"
)
PROFILE_MAX_WIDTH = "760px"
