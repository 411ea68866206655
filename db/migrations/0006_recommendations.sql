-- Recommendations and cross-district routing (issue 4): the history of who worked with whom, the
-- notifications that tell district managers about needs their members could answer, and the needs a
-- manager forwarded to a named organisation.

-- Every past collaboration known to the platform, both ways round: partners of the same submitted
-- proposal, and the two sides of an accepted expression of interest. Recommendations read it for
-- "worked together before" and "partners in common".
CREATE VIEW collaborations AS
  SELECT a.organisation_id, b.organisation_id AS partner_id, 'proposal'::text AS source, a.proposal_id AS ref
  FROM proposal_partners a
  JOIN proposal_partners b ON b.proposal_id = a.proposal_id AND b.organisation_id <> a.organisation_id
  JOIN proposals p ON p.id = a.proposal_id
  WHERE p.current_version > 0
  UNION ALL
  SELECT p.organisation_id, i.organisation_id, 'contact'::text, i.id
  FROM profile_interests i JOIN profiles p ON p.id = i.profile_id
  WHERE i.status = 'accepted'
  UNION ALL
  SELECT i.organisation_id, p.organisation_id, 'contact'::text, i.id
  FROM profile_interests i JOIN profiles p ON p.id = i.profile_id
  WHERE i.status = 'accepted';

CREATE INDEX profile_interests_accepted_idx ON profile_interests (organisation_id) WHERE status = 'accepted';

-- In-app notifications. The text is composed when read, in the reader's language, from kind and params.
CREATE TABLE notifications (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind        text NOT NULL,
  params      jsonb NOT NULL DEFAULT '{}'::jsonb,
  link        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  read_at     timestamptz,
  -- Set when the daily digest e-mail has included it.
  digested_at timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_digest_idx ON notifications (user_id) WHERE digested_at IS NULL;

-- A published need is routed once: to the managers of each other district whose members match it well.
ALTER TABLE profiles ADD COLUMN routed_at timestamptz;

CREATE TABLE profile_routings (
  profile_id  uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  cluster_id  uuid NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  matches     integer NOT NULL CHECK (matches > 0),
  best_score  real NOT NULL,
  routed_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (profile_id, cluster_id)
);
CREATE INDEX profile_routings_cluster_idx ON profile_routings (cluster_id, routed_at DESC);

-- A district manager forwarding a need to an organisation they think can answer it.
CREATE TABLE profile_forwards (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  profile_id      uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  cluster_id      uuid NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  forwarded_by    uuid REFERENCES users(id) ON DELETE SET NULL,
  note            text NOT NULL DEFAULT '',
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (profile_id, organisation_id)
);
