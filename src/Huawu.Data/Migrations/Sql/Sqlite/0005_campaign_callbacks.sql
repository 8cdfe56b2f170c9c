-- Huawu schema 5 (Sqlite): callbacks the robot promises in a campaign.

-- A number whose call ended with a callback (the callee asked to be called later) is pending again from callback_at,
-- the time promised; callbacks counts the callbacks promised to it, which the campaign's callback rules limit. A
-- callback is an attempt like any other: the gate decides it when it falls due.
ALTER TABLE campaign_contacts ADD COLUMN callback_at INTEGER;
ALTER TABLE campaign_contacts ADD COLUMN callbacks INTEGER NOT NULL DEFAULT 0;

-- The attempt that ended with a callback records the time promised.
ALTER TABLE call_attempts ADD COLUMN callback_at INTEGER;

-- A callback the robot promised on a call outside campaigns (`huawu call`): a request an operator lists and closes once
-- someone has called back. The number is the call's (calls.customer_phone_enc, erased with it); requested_date is the day the
-- callee asked for (ISO yyyy-MM-dd), if the script collected one, and requested_time the time of day said with it (HH:mm).
CREATE TABLE callback_requests (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    call_id        INTEGER NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
    outcome        TEXT NOT NULL,
    requested_date TEXT,
    requested_time TEXT,
    created_at     INTEGER NOT NULL,
    done_at        INTEGER,
    done_by        TEXT,
    UNIQUE (call_id)
);
CREATE INDEX callback_requests_open ON callback_requests (done_at, created_at);
