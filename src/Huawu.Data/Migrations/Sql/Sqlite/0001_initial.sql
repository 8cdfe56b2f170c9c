-- Huawu schema 1 (SQLite). Conventions, shared with the PostgreSQL twin of this file:
--  * times are INTEGER milliseconds since the Unix epoch, UTC (exact, sortable, one type on both databases);
--  * *_enc columns hold AES-256-GCM envelopes (key id inside) and *_index columns keyed HMAC-SHA-256 blind
--    indexes; personal data never appears in any other column (see Protection/EncryptedColumns.cs);
--  * entity ids are AUTOINCREMENT so an erased person's id is never handed to someone else.

-- Accounts, roles and teams ---------------------------------------------------------------------------
CREATE TABLE roles (
    name        TEXT PRIMARY KEY,
    description TEXT NOT NULL
);
INSERT INTO roles (name, description) VALUES
    ('admin', 'Everything: users, keys, settings, retention'),
    ('supervisor', 'Their teams: live calls, agents, queues, reports'),
    ('campaign_manager', 'Campaigns, contact lists, scripts'),
    ('agent', 'Their own calls and the customer of the current call'),
    ('quality_auditor', 'Recordings and transcripts, for grading'),
    ('readonly_auditor', 'Read-only access, including the audit log');

CREATE TABLE users (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    username           TEXT NOT NULL UNIQUE,
    display_name       TEXT NOT NULL,
    password_hash      TEXT NOT NULL,
    is_disabled        INTEGER NOT NULL DEFAULT 0,
    failed_login_count INTEGER NOT NULL DEFAULT 0,
    locked_until       INTEGER,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    TEXT NOT NULL REFERENCES roles (name),
    PRIMARY KEY (user_id, role)
);

-- API tokens for integrations: only a hash of the token is kept.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   BLOB NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    expires_at   INTEGER,
    revoked_at   INTEGER,
    last_used_at INTEGER
);

CREATE TABLE teams (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

CREATE TABLE team_members (
    team_id       INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    is_supervisor INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_user ON team_members (user_id);

-- Telephony resources ---------------------------------------------------------------------------------
CREATE TABLE extensions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    number       TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);

CREATE TABLE agents (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id              INTEGER NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    extension_id         INTEGER REFERENCES extensions (id) ON DELETE SET NULL,
    max_concurrent_calls INTEGER NOT NULL DEFAULT 1,
    created_at           INTEGER NOT NULL
);

CREATE TABLE skills (
    id   INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE agent_skills (
    agent_id INTEGER NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    skill_id INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    level    INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (agent_id, skill_id)
);

CREATE TABLE queues (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE,
    team_id    INTEGER REFERENCES teams (id) ON DELETE SET NULL,
    strategy   TEXT NOT NULL DEFAULT 'longest_idle',
    created_at INTEGER NOT NULL
);

CREATE TABLE queue_skills (
    queue_id  INTEGER NOT NULL REFERENCES queues (id) ON DELETE CASCADE,
    skill_id  INTEGER NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
    min_level INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (queue_id, skill_id)
);

CREATE TABLE queue_members (
    queue_id INTEGER NOT NULL REFERENCES queues (id) ON DELETE CASCADE,
    agent_id INTEGER NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    penalty  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (queue_id, agent_id)
);

CREATE TABLE trunks (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE,
    host       TEXT NOT NULL,
    port       INTEGER NOT NULL,
    transport  TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- Our own numbers (caller ids, DIDs): not personal data.
CREATE TABLE numbers (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    e164       TEXT NOT NULL UNIQUE,
    trunk_id   INTEGER REFERENCES trunks (id) ON DELETE SET NULL,
    purpose    TEXT NOT NULL DEFAULT 'outbound',
    created_at INTEGER NOT NULL
);

-- Scripts and outcomes --------------------------------------------------------------------------------
CREATE TABLE scripts (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

-- A version is immutable once published; calls name the version they ran.
CREATE TABLE script_versions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    script_id    INTEGER NOT NULL REFERENCES scripts (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    body         TEXT NOT NULL,
    created_by   INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at   INTEGER NOT NULL,
    published_at INTEGER,
    UNIQUE (script_id, version)
);

-- The catalog of call outcomes; calls and attempts store the code (no foreign key, so bulk writes stay lean).
CREATE TABLE dispositions (
    code       TEXT PRIMARY KEY,
    label      TEXT NOT NULL,
    is_final   INTEGER NOT NULL,
    is_success INTEGER NOT NULL
);
INSERT INTO dispositions (code, label, is_final, is_success) VALUES
    ('answered', 'Answered', 1, 1),
    ('no_answer', 'No answer', 0, 0),
    ('busy', 'Busy', 0, 0),
    ('failed', 'Failed', 0, 0),
    ('voicemail', 'Voicemail', 0, 0),
    ('callback', 'Call back later', 0, 0),
    ('not_interested', 'Not interested', 1, 0),
    ('wrong_number', 'Wrong number', 1, 0),
    ('do_not_call', 'Asked not to be called', 1, 0);

-- Contacts and campaigns ------------------------------------------------------------------------------
CREATE TABLE contact_lists (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE contacts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    list_id         INTEGER NOT NULL REFERENCES contact_lists (id) ON DELETE CASCADE,
    phone_enc       BLOB NOT NULL,
    phone_index     BLOB NOT NULL,
    name_enc        BLOB,
    id_number_enc   BLOB,
    id_number_index BLOB,
    notes_enc       BLOB,
    attributes_enc  BLOB,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    UNIQUE (list_id, phone_index)
);
CREATE INDEX contacts_phone ON contacts (phone_index);
CREATE INDEX contacts_id_number ON contacts (id_number_index) WHERE id_number_index IS NOT NULL;
CREATE INDEX contacts_updated ON contacts (updated_at);

CREATE TABLE campaigns (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    name              TEXT NOT NULL UNIQUE,
    status            TEXT NOT NULL DEFAULT 'draft',
    contact_list_id   INTEGER REFERENCES contact_lists (id) ON DELETE SET NULL,
    script_version_id INTEGER REFERENCES script_versions (id) ON DELETE SET NULL,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);

-- Calls -----------------------------------------------------------------------------------------------
CREATE TABLE calls (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    call_uuid            TEXT NOT NULL UNIQUE,
    direction            TEXT NOT NULL,
    customer_phone_enc   BLOB,
    customer_phone_index BLOB,
    local_number         TEXT,
    campaign_id          INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
    queue_id             INTEGER REFERENCES queues (id) ON DELETE SET NULL,
    agent_user_id        INTEGER REFERENCES users (id) ON DELETE SET NULL,
    started_at           INTEGER NOT NULL,
    answered_at          INTEGER,
    ended_at             INTEGER,
    hangup_cause         TEXT,
    disposition_code     TEXT,
    intent_grade         TEXT
);
CREATE INDEX calls_customer_phone ON calls (customer_phone_index) WHERE customer_phone_index IS NOT NULL;
CREATE INDEX calls_started ON calls (started_at);
CREATE INDEX calls_campaign ON calls (campaign_id, started_at);
CREATE INDEX calls_agent ON calls (agent_user_id, started_at);

CREATE TABLE call_legs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    call_id      INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    leg_uuid     TEXT NOT NULL,
    role         TEXT NOT NULL,
    party_enc    BLOB,
    party_index  BLOB,
    started_at   INTEGER NOT NULL,
    answered_at  INTEGER,
    ended_at     INTEGER,
    hangup_cause TEXT
);
CREATE INDEX call_legs_call ON call_legs (call_id);
CREATE INDEX call_legs_party ON call_legs (party_index) WHERE party_index IS NOT NULL;

CREATE TABLE call_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    call_id     INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    occurred_at INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    detail      TEXT
);
CREATE INDEX call_events_call ON call_events (call_id, occurred_at);

-- Slots and variables a robot or agent collects on a call.
CREATE TABLE call_variables (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    call_id    INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    value_enc  BLOB NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (call_id, name)
);

-- Attempts are written before dialing, so a restart neither redials nor forgets one; phone_index lets the
-- dialer cap calls per number across campaigns.
CREATE TABLE call_attempts (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id      INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    contact_id       INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    phone_index      BLOB,
    attempt_number   INTEGER NOT NULL,
    status           TEXT NOT NULL,
    outcome          TEXT,
    disposition_code TEXT,
    call_id          INTEGER REFERENCES calls (id) ON DELETE SET NULL,
    created_at       INTEGER NOT NULL,
    ended_at         INTEGER
);
CREATE INDEX call_attempts_phone ON call_attempts (phone_index, created_at) WHERE phone_index IS NOT NULL;
CREATE INDEX call_attempts_contact ON call_attempts (contact_id);
CREATE INDEX call_attempts_unfinished ON call_attempts (created_at) WHERE status = 'dialing';

-- Recording files live under the data directory, encrypted in chunks. A call with recordings cannot be
-- deleted before them (RESTRICT), so no purge or erasure can drop a row and leave its file behind.
CREATE TABLE recordings (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    call_id       INTEGER NOT NULL REFERENCES calls (id) ON DELETE RESTRICT,
    file_id       TEXT NOT NULL UNIQUE,
    relative_path TEXT NOT NULL,
    codec         TEXT NOT NULL,
    sample_rate   INTEGER NOT NULL,
    channels      INTEGER NOT NULL,
    started_at    INTEGER NOT NULL,
    completed_at  INTEGER,
    size_bytes    INTEGER
);
CREATE INDEX recordings_call ON recordings (call_id);
CREATE INDEX recordings_started ON recordings (started_at);

CREATE TABLE transcript_segments (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    call_id    INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    sequence   INTEGER NOT NULL,
    speaker    TEXT NOT NULL,
    start_ms   INTEGER NOT NULL,
    end_ms     INTEGER NOT NULL,
    text_enc   BLOB NOT NULL,
    intent     TEXT,
    confidence REAL,
    created_at INTEGER NOT NULL,
    UNIQUE (call_id, sequence)
);
CREATE INDEX transcript_segments_created ON transcript_segments (created_at);

-- Compliance ------------------------------------------------------------------------------------------
CREATE TABLE do_not_call (
    phone_index BLOB PRIMARY KEY,
    reason      TEXT NOT NULL,
    source      TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE consents (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    phone_index BLOB NOT NULL,
    purpose     TEXT NOT NULL,
    granted     INTEGER NOT NULL,
    source      TEXT NOT NULL,
    call_id     INTEGER REFERENCES calls (id) ON DELETE SET NULL,
    recorded_at INTEGER NOT NULL
);
CREATE INDEX consents_phone ON consents (phone_index, purpose, recorded_at);

-- Append-only, hash-chained audit log. The triggers refuse changes through SQL; the chain (an HMAC under
-- a key kept outside the database) shows any change made around them.
CREATE TABLE audit_log (
    seq           INTEGER PRIMARY KEY,
    occurred_at   INTEGER NOT NULL,
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    target_type   TEXT,
    target_id     TEXT,
    outcome       TEXT NOT NULL,
    detail        TEXT,
    previous_hash BLOB NOT NULL,
    hash          BLOB NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TABLE retention_policies (
    data_class  TEXT PRIMARY KEY,
    retain_days INTEGER NOT NULL CHECK (retain_days > 0),
    updated_at  INTEGER NOT NULL
);

-- A fingerprint of each key the data was written with (an HMAC of a fixed label, revealing nothing of the key),
-- so a node started with the wrong key file is refused instead of silently missing do-not-call entries.
CREATE TABLE key_fingerprints (
    name        TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    recorded_at INTEGER NOT NULL
);

CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);
