-- Six months after a held brokerage meeting each side is asked again how it went on (issue 6): the
-- answer (same stages as the first follow-up), when the daily job asked and when they answered.
ALTER TABLE brokerage_meetings
  ADD COLUMN a_later_follow_up   text CHECK (a_later_follow_up IN ('none', 'contact_planned', 'negotiation', 'agreement')),
  ADD COLUMN a_later_asked_at    timestamptz,
  ADD COLUMN a_later_answered_at timestamptz,
  ADD COLUMN b_later_follow_up   text CHECK (b_later_follow_up IN ('none', 'contact_planned', 'negotiation', 'agreement')),
  ADD COLUMN b_later_asked_at    timestamptz,
  ADD COLUMN b_later_answered_at timestamptz;

-- The daily job looks for held meetings whose question is still to be asked.
CREATE INDEX brokerage_meetings_later_idx ON brokerage_meetings (starts_at)
  WHERE status = 'scheduled' AND published AND (a_later_asked_at IS NULL OR b_later_asked_at IS NULL);
