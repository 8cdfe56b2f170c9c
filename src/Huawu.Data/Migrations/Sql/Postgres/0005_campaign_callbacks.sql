-- Huawu schema 5 (Postgres): callbacks the robot promises in a campaign.

-- A number whose call ended with a callback (the callee asked to be called later) is pending again from callback_at,
-- the time promised; callbacks counts the callbacks promised to it, which the campaign's callback rules limit. A
-- callback is an attempt like any other: the gate decides it when it falls due.
ALTER TABLE campaign_contacts ADD COLUMN callback_at BIGINT;
ALTER TABLE campaign_contacts ADD COLUMN callbacks INTEGER NOT NULL DEFAULT 0;

-- The attempt that ended with a callback records the time promised.
ALTER TABLE call_attempts ADD COLUMN callback_at BIGINT;
