"""Thin rx.State classes: call services, hold read models, map error codes to words."""
