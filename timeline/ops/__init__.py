"""Operations: the local PostgreSQL, backup and restore, and the middleware that guards every
response. The domain (articles, events, pages) never imports this package."""
