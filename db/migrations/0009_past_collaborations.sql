-- Past collaborations (issue 4, consortium builder): real projects imported from CORDIS-style files
-- (`clock import cordis-projects DIR`) and their participants. A participant keeps the name as written in
-- the source, with the organisation identity of the consortium benchmark (`org_key`: upper-cased, every run
-- of non-alphanumeric characters replaced by one space, trimmed), and the registry organisation it was
-- matched to (same key of the legal name, same country), if any.

CREATE TABLE past_projects (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source        text NOT NULL,
  source_id     text NOT NULL,
  rcn           text,
  acronym       text NOT NULL DEFAULT '',
  title         text NOT NULL,
  start_date    date,
  end_date      date,
  cost_cents    bigint CHECK (cost_cents >= 0),
  funding_cents bigint CHECK (funding_cents >= 0),
  url           text,
  website       text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, source_id)
);

CREATE TABLE past_participants (
  project_id      uuid NOT NULL REFERENCES past_projects(id) ON DELETE CASCADE,
  position        integer NOT NULL,
  name            text NOT NULL,
  org_key         text NOT NULL CHECK (org_key <> ''),
  country         text CHECK (country ~ '^[A-Z]{2}$'),
  city            text,
  lat             double precision,
  lon             double precision,
  organisation_id uuid REFERENCES organisations(id) ON DELETE SET NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, position)
);
CREATE INDEX past_participants_key_idx ON past_participants (org_key);
CREATE INDEX past_participants_organisation_idx ON past_participants (organisation_id) WHERE organisation_id IS NOT NULL;
