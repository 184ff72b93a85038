"""Who lives in the demo world. Order matters: it is the order of the "continue as" buttons."""

from __future__ import annotations

from dataclasses import dataclass

from socialshop.models.accounts import Role

DEMO_PASSWORD = "socialshop-demo"


@dataclass(frozen=True)
class Persona:
    username: str
    display_name: str
    bio: str
    link: str = ""
    role: Role = Role.MEMBER
    is_seller: bool = False
    palette: tuple[str, str] = ("#e54d2e", "#ffc53d")


PERSONAS: tuple[Persona, ...] = (
    Persona("mara", "Mara Lind", "Slow fashion, fast coffee. I review everything I buy.",
            "https://mara.example", palette=("#e54d2e", "#f76b15")),
    Persona("theo", "Theo Okafor", "Trail runner and gear nerd. Ask me about shoes.",
            palette=("#3e63dd", "#0090ff")),
    Persona("priya", "Priya Raman", "Plants, ceramics and a very opinionated cat.",
            palette=("#30a46c", "#12a594")),
    Persona("jonas", "Jonas Weber", "Home cook. Cast iron evangelist. Weekend potter.",
            palette=("#8e4ec6", "#d6409f")),
    Persona("lucia", "Lucía Ortega", "Skincare minimalist. Three steps, no more.",
            palette=("#d6409f", "#e54666")),
    Persona("sam", "Sam Carter", "New in town, furnishing a tiny flat on a budget.",
            palette=("#ffc53d", "#f76b15")),
    Persona("nordic_knits", "Ingrid Nordahl", "Hand-finished knitwear from Bergen. Shop owner.",
            "https://nordic-knits.example", is_seller=True, palette=("#0d74ce", "#7ce2fe")),
    Persona("clay_and_co", "Kenji Mori", "Stoneware made in small batches. Shop owner.",
            "https://clay-and-co.example", is_seller=True, palette=("#ad7f58", "#e2a336")),
    Persona("sunpeak_outdoor", "Ava Brooks", "Gear we test on real mountains. Shop owner.",
            "https://sunpeak.example", is_seller=True, palette=("#2b9a66", "#bdee63")),
    Persona("glow_botanics", "Amara Diallo", "Plant-based skincare, small-batch. Shop owner.",
            "https://glow-botanics.example", is_seller=True, palette=("#e93d82", "#f3d673")),
    Persona("rosa_mod", "Rosa Jiménez", "Community moderator. Be kind, be useful.",
            role=Role.MODERATOR, palette=("#12a594", "#3e63dd")),
    Persona("alex_admin", "Alex Kim", "Runs socialshop. Say hi!",
            role=Role.ADMIN, palette=("#1c2024", "#8e4ec6")),
)
