-- Issue 6, first slice: the shared calendar of every district and cluster, registrations,
-- co-organisation invitations and the per-user iCalendar feed token.
CREATE TABLE events (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind              text NOT NULL CHECK (kind IN ('workshop', 'info_day', 'training', 'matchmaking', 'lab_open_day', 'researchers_visit')),
  status            text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published', 'cancelled')),
  title_it          text NOT NULL,
  title_en          text NOT NULL DEFAULT '',
  description_it    text NOT NULL DEFAULT '',
  description_en    text NOT NULL DEFAULT '',
  starts_at         timestamptz NOT NULL,
  ends_at           timestamptz NOT NULL,
  venue_name        text,
  venue_address     text,
  venue_room        text,
  city              text,
  virtual_url       text,
  language          text NOT NULL DEFAULT 'it' CHECK (language IN ('it', 'en', 'it_en')),
  audiences         text[] NOT NULL DEFAULT '{}',
  capacity          integer CHECK (capacity IS NULL OR capacity > 0),
  registration      text NOT NULL DEFAULT 'open' CHECK (registration IN ('none', 'open', 'approval')),
  waiting_list      boolean NOT NULL DEFAULT false,
  created_by        uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK (venue_address IS NOT NULL OR virtual_url IS NOT NULL)
);
CREATE INDEX events_time_idx ON events (starts_at, ends_at);

-- The districts that organise the event (at least one, enforced by the service) and may edit it.
CREATE TABLE event_organisers (
  event_id   uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  cluster_id uuid NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, cluster_id)
);
CREATE INDEX event_organisers_cluster_idx ON event_organisers (cluster_id, event_id);

-- A co-organisation proposed to another district instead of a duplicate event; accepted ones are co-organisers.
CREATE TABLE event_coorganisers (
  event_id     uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  cluster_id   uuid NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
  message      text NOT NULL DEFAULT '',
  proposed_by  uuid REFERENCES users(id) ON DELETE SET NULL,
  proposed_at  timestamptz NOT NULL DEFAULT now(),
  responded_by uuid REFERENCES users(id) ON DELETE SET NULL,
  responded_at timestamptz,
  PRIMARY KEY (event_id, cluster_id)
);
CREATE INDEX event_coorganisers_cluster_idx ON event_coorganisers (cluster_id, status);

CREATE TABLE event_taxonomy (
  event_id      uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  taxonomy_code text NOT NULL REFERENCES taxonomy_nodes(code),
  PRIMARY KEY (event_id, taxonomy_code)
);
CREATE INDEX event_taxonomy_code_idx ON event_taxonomy (taxonomy_code, event_id);

CREATE TABLE event_registrations (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id   uuid NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  user_id    uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  status     text NOT NULL CHECK (status IN ('pending', 'confirmed', 'waitlisted', 'declined', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_id, user_id)
);
CREATE INDEX event_registrations_user_idx ON event_registrations (user_id, status);

-- The secret of a user's personal feed URL; only its SHA-256 is kept, so regenerating is the only way to see it again.
CREATE TABLE event_feed_tokens (
  user_id    uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
