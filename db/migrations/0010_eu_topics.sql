-- EU opportunities: the EU Funding & Tenders topics (imported with `clock import eu-topics`, or the demo's),
-- and the districts' flags that point their members to a topic.

CREATE TABLE eu_topics (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  identifier       text NOT NULL UNIQUE,
  title            text NOT NULL,
  programme        text NOT NULL,
  programme_part   text NOT NULL DEFAULT '',
  call_identifier  text NOT NULL DEFAULT '',
  call_title       text NOT NULL DEFAULT '',
  action_type      text NOT NULL DEFAULT '',
  types_of_action  text NOT NULL DEFAULT '',
  -- As published; the deadline passed (Europe/Rome) makes a topic closed whatever this says.
  status           text NOT NULL CHECK (status IN ('open', 'forthcoming', 'closed')),
  opens_on         date,
  deadline         date,
  deadline_model   text NOT NULL DEFAULT '',
  budget_min_cents bigint CHECK (budget_min_cents >= 0),
  budget_max_cents bigint CHECK (budget_max_cents >= 0),
  expected_grants  integer CHECK (expected_grants >= 0),
  keywords         text[] NOT NULL DEFAULT '{}',
  description      text NOT NULL DEFAULT '',
  portal_url       text,
  -- Folded (lower case, no accents) title, identifiers, keywords and description, for text filters and matching.
  search_text      text NOT NULL DEFAULT '',
  source           text NOT NULL DEFAULT 'import' CHECK (source IN ('import', 'demo')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX eu_topics_status_deadline ON eu_topics (status, deadline);
CREATE INDEX eu_topics_programme ON eu_topics (programme);

CREATE TABLE eu_topic_flags (
  topic_id    uuid NOT NULL REFERENCES eu_topics(id) ON DELETE CASCADE,
  cluster_id  uuid NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  note        text NOT NULL DEFAULT '',
  flagged_by  uuid REFERENCES users(id) ON DELETE SET NULL,
  flagged_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (topic_id, cluster_id)
);

CREATE INDEX eu_topic_flags_cluster ON eu_topic_flags (cluster_id);
