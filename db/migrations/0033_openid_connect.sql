-- 0033: signing in with OpenID Connect (FranceConnect, a commune's own SSO).
-- The gate holds the client secrets and does the exchange with the provider
-- (components/gate/src/oidc); the account component links what it verified
-- to an account. Of the provider's tokens, only FranceConnect's ID token is
-- kept, for its logout, until the session ends (oidc_sessions).

-- A sign-in under way, from the redirect to the provider to its return: one
-- use, ten minutes at most. The state is kept as a hash and the browser that
-- started it as a hash of its (pre-)session, so that a callback from another
-- browser (a forged or stolen one) finds nothing.
CREATE TABLE oidc_flows (
    state_hash    TEXT PRIMARY KEY,
    provider      TEXT NOT NULL CHECK (provider IN ('franceconnect', 'sso')),
    binding_hash  TEXT NOT NULL,
    nonce         TEXT NOT NULL,
    code_verifier TEXT NOT NULL,
    created_at    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX oidc_flows_by_age ON oidc_flows (created_at);

-- The identities an account signs in with: the provider's subject only (the
-- pseudonymous `sub`, the provider's own per-client identifier), the level of
-- assurance of the last sign-in, and when. One account may have several; one
-- identity belongs to one account.
CREATE TABLE user_identities (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    provider     TEXT NOT NULL CHECK (provider IN ('franceconnect', 'sso')),
    subject      TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    acr          TEXT CHECK (acr IS NULL OR length(acr) <= 64),
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER NOT NULL,
    UNIQUE (provider, subject)
);
CREATE INDEX user_identities_by_user ON user_identities (user_id);

-- An identity waiting for its account's password: its first sign-in gave the
-- email of an existing account, which it joins only once that account's
-- password is typed (ASVS 6.8: an email alone never hands over an account).
-- Fifteen minutes, one use; the token is in the page, kept as a hash here.
CREATE TABLE oidc_links (
    token_hash   TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    provider     TEXT NOT NULL CHECK (provider IN ('franceconnect', 'sso')),
    subject      TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    acr          TEXT CHECK (acr IS NULL OR length(acr) <= 64),
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX oidc_links_by_user ON oidc_links (user_id);

-- A session opened with FranceConnect, which must be closed there too when
-- the person signs out (its logout takes the ID token as a hint): the ID
-- token, kept until the session's end at most, under a hash of the session.
CREATE TABLE oidc_sessions (
    session_hash TEXT PRIMARY KEY,
    provider     TEXT NOT NULL CHECK (provider IN ('franceconnect', 'sso')),
    id_token     TEXT NOT NULL CHECK (length(id_token) <= 16384),
    expires_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX oidc_sessions_by_end ON oidc_sessions (expires_at);
