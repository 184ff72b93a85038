"""Domain use-cases: plain functions that take a database session. Never imports reflex."""
