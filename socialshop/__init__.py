"""socialshop: a social-commerce web app."""
