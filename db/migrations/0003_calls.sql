-- Funding calls of the Managing Authority and the proposals submitted to them (issue 5).
-- A call's structured settings that are read and written as a whole (budget split, rules, criteria,
-- FAQ) are jsonb; the lines are rows because proposals point at them and they name a cluster.

CREATE TABLE calls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  title_it text NOT NULL,
  title_en text NOT NULL,
  summary_it text NOT NULL DEFAULT '',
  summary_en text NOT NULL DEFAULT '',
  text_it text NOT NULL DEFAULT '',
  text_en text NOT NULL DEFAULT '',
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  budget_sources jsonb NOT NULL DEFAULT '[]',
  rules jsonb NOT NULL DEFAULT '{}',
  priorities text[] NOT NULL DEFAULT '{}',
  criteria jsonb NOT NULL DEFAULT '[]',
  faq jsonb NOT NULL DEFAULT '[]',
  cloned_from uuid REFERENCES calls (id) ON DELETE SET NULL,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  CHECK (closes_at > opens_at)
);
CREATE INDEX calls_status_closes_idx ON calls (status, closes_at);

CREATE TABLE call_lines (
  call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  code text NOT NULL,
  title_it text NOT NULL,
  title_en text NOT NULL,
  budget_cents bigint NOT NULL CHECK (budget_cents >= 0),
  members_only boolean NOT NULL DEFAULT false,
  non_members_must_commit boolean NOT NULL DEFAULT false,
  cluster_id uuid REFERENCES clusters (id),
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (call_id, code)
);

CREATE TABLE proposals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  lead_organisation_id uuid NOT NULL REFERENCES organisations (id),
  line_code text NOT NULL,
  title text NOT NULL,
  abstract text NOT NULL DEFAULT '',
  taxonomy_code text REFERENCES taxonomy_nodes (code),
  trl_start integer CHECK (trl_start BETWEEN 1 AND 9),
  trl_end integer CHECK (trl_end BETWEEN 1 AND 9),
  wide_dissemination boolean NOT NULL DEFAULT false,
  current_version integer NOT NULL DEFAULT 0,
  screening_eligible boolean,
  screening_reason text,
  screening_by uuid REFERENCES users (id) ON DELETE SET NULL,
  screening_at timestamptz,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (call_id, line_code) REFERENCES call_lines (call_id, code)
);
CREATE INDEX proposals_call_idx ON proposals (call_id);
CREATE INDEX proposals_lead_idx ON proposals (lead_organisation_id);

CREATE TABLE proposal_partners (
  proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  position integer NOT NULL,
  commits_to_join boolean NOT NULL DEFAULT false,
  industrial_research_cents bigint NOT NULL DEFAULT 0 CHECK (industrial_research_cents >= 0),
  experimental_development_cents bigint NOT NULL DEFAULT 0 CHECK (experimental_development_cents >= 0),
  other_cents bigint NOT NULL DEFAULT 0 CHECK (other_cents >= 0),
  confirmed_at timestamptz,
  confirmed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  PRIMARY KEY (proposal_id, organisation_id)
);
CREATE INDEX proposal_partners_organisation_idx ON proposal_partners (organisation_id);

-- Each submission freezes the proposal as it was: a numbered, immutable snapshot.
CREATE TABLE proposal_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  submitted_at timestamptz NOT NULL,
  submitted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  eligible boolean NOT NULL,
  snapshot jsonb NOT NULL,
  UNIQUE (proposal_id, version)
);
