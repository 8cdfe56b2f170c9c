-- Huawu schema 3 (SQLite): how calls and their legs went, as columns reports can compute from
-- (connect rate, ASA, talk time, abandon rate, service level).

-- trunk: the name of the SIP trunk the call's first leg came in or went out by (a configured trunk's name: no foreign
-- key, like disposition_code). hangup_side: who hung up, seen from the call's first leg ('remote' its far party, the
-- customer of an inbound or dialed call; 'local' our side); sip_status: the final response of a call that never
-- connected. ring_ms runs from the start to the answer (or the end, when never answered), talk_ms from the answer to
-- the end. Calls recorded before this schema keep NULL: unknown, not zero.
ALTER TABLE calls ADD COLUMN trunk TEXT;
ALTER TABLE calls ADD COLUMN hangup_side TEXT;
ALTER TABLE calls ADD COLUMN sip_status INTEGER;
ALTER TABLE calls ADD COLUMN ring_ms INTEGER;
ALTER TABLE calls ADD COLUMN talk_ms INTEGER;

-- A leg's own trunk and end, seen from the leg (leg_uuid is its id in the telephony layer; answered_at and hangup_cause
-- exist since schema 1).
ALTER TABLE call_legs ADD COLUMN trunk TEXT;
ALTER TABLE call_legs ADD COLUMN hangup_side TEXT;
ALTER TABLE call_legs ADD COLUMN sip_status INTEGER;

-- Live events arrive per leg: the realtime hub finds a leg's call record by the leg's id.
CREATE INDEX call_legs_leg ON call_legs (leg_uuid);
