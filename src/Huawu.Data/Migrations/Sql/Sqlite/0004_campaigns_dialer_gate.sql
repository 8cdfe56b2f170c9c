-- Huawu schema 4 (SQLite): campaigns with their rules, the dialer's work queue, and the compliance gate's decisions.

-- A list's default region (ISO 3166 code: numbers written without a country code are taken to be there) and the time
-- zone its callees are assumed to be in when their number does not say.
ALTER TABLE contact_lists ADD COLUMN region TEXT;
ALTER TABLE contact_lists ADD COLUMN time_zone TEXT;

-- A campaign's rules (schedule, limits, retries, trunks, caller ids, prompt) are one JSON document owned by the dialer;
-- priority orders campaigns competing for the same trunks (higher first).
ALTER TABLE campaigns ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN settings TEXT;

CREATE TABLE campaign_lists (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    list_id     INTEGER NOT NULL REFERENCES contact_lists (id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, list_id)
);

-- The dialer's queue: one row per number a campaign calls (a number in two of its lists is called once). A row is
-- claimed (state 'dialing', claimed_by the node) before its attempt is written, and released with the attempt's outcome:
-- back to 'pending' with the time of the retry, or 'done'.
CREATE TABLE campaign_contacts (
    campaign_id     INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    contact_id      INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    phone_index     BLOB NOT NULL,
    state           TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_outcome    TEXT,
    claimed_by      TEXT,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, contact_id),
    UNIQUE (campaign_id, phone_index)
);
CREATE INDEX campaign_contacts_due ON campaign_contacts (campaign_id, state, next_attempt_at);

-- An attempt names its call before the INVITE is sent (so a restart finds the call record of an attempt in flight), the
-- node that dials it, and what ended it (the SIP status of a failure, the gate's rule for a blocked number).
ALTER TABLE call_attempts ADD COLUMN call_uuid TEXT;
ALTER TABLE call_attempts ADD COLUMN node TEXT;
ALTER TABLE call_attempts ADD COLUMN sip_status INTEGER;
ALTER TABLE call_attempts ADD COLUMN detail TEXT;
CREATE INDEX call_attempts_campaign ON call_attempts (campaign_id, id);

-- Every decision of the compliance gate. Allowed rows are the dialling slots the frequency caps count, for every campaign
-- and every manual call; each refusal keeps its rule. Deciders of one number are serialized (a write transaction on
-- SQLite) so two campaigns or nodes never both take the last slot.
CREATE TABLE gate_decisions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    phone_index BLOB NOT NULL,
    decided_at  INTEGER NOT NULL,
    allowed     INTEGER NOT NULL,
    rule        TEXT,
    detail      TEXT,
    campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
    attempt_id  INTEGER REFERENCES call_attempts (id) ON DELETE SET NULL,
    actor       TEXT NOT NULL
);
CREATE INDEX gate_decisions_slots ON gate_decisions (phone_index, decided_at) WHERE allowed = TRUE;
CREATE INDEX gate_decisions_decided ON gate_decisions (decided_at);
