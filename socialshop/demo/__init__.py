"""The deterministic demo world: personas today; shops, posts and threads as those domains land."""
