"""Read models: the small, public shapes that states hold and the browser receives."""
