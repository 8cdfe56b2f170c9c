-- Huawu schema 2 (SQLite): console sessions and the optional TOTP second factor.

-- Console sign-ins: the cookie carries a random secret; only its SHA-256 is kept, like api_tokens.
CREATE TABLE sessions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash   BLOB NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL,
    revoked_at   INTEGER
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- RFC 6238 second factor. The shared secrets are encrypted like personal data (a database copy must not let
-- anyone compute codes); totp_last_step refuses a code's second use (RFC 6238 §5.2).
ALTER TABLE users ADD COLUMN totp_secret_enc BLOB;
ALTER TABLE users ADD COLUMN totp_pending_enc BLOB;
ALTER TABLE users ADD COLUMN totp_enabled_at INTEGER;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;
