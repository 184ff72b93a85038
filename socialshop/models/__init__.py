"""SQLModel tables, one module per domain; importing this registers them all."""

from socialshop.models.accounts import AuthSession, LoginNonce, Role, User

__all__ = ["AuthSession", "LoginNonce", "Role", "User"]
