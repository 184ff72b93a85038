"""The catalog domain: shops, products and variants, product tags on posts, wishlists, events."""
