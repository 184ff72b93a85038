"""The commerce domain: shoppable posts (product tags), the funnel's events, carts."""
