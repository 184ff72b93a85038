"""The social domain: posts, interactions, the follow graph, feeds, notifications, reports."""
