-- Issue 6, brokerage slice: B2B / R2B / F2B meetings on a matchmaking event. The configuration keeps its
-- sessions, roles and allowed role pairs as JSON (always read and written whole, validated by the service);
-- participants, requests and meetings are rows, so acceptance caps and table use can be enforced by the database.
CREATE TABLE brokerages (
  event_id               uuid PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  registration_opens_at  timestamptz NOT NULL,
  registration_closes_at timestamptz NOT NULL,
  booking_opens_at       timestamptz NOT NULL,
  booking_closes_at      timestamptz NOT NULL,
  -- [{ "id": "s1", "day": "2026-12-03", "start": "09:00", "end": "13:00", "breaks": [{ "start": "11:00", "end": "11:15" }] }]
  sessions               jsonb NOT NULL,
  meeting_minutes        integer NOT NULL CHECK (meeting_minutes BETWEEN 5 AND 240),
  tables                 integer NOT NULL CHECK (tables >= 0),
  virtual_rooms          integer NOT NULL DEFAULT 0 CHECK (virtual_rooms >= 0),
  max_meetings           integer NOT NULL CHECK (max_meetings > 0),
  request_mode           text NOT NULL DEFAULT 'opt_in' CHECK (request_mode IN ('opt_in', 'opt_out')),
  approval               boolean NOT NULL DEFAULT false,
  -- [{ "key": "buyer", "labelIt": "Acquirente", "labelEn": "Buyer" }] and [["buyer", "seller"]]
  roles                  jsonb NOT NULL,
  role_pairs             jsonb NOT NULL,
  agenda_status          text NOT NULL DEFAULT 'none' CHECK (agenda_status IN ('none', 'draft', 'preliminary', 'final')),
  agenda_published_at    timestamptz,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  CHECK (registration_closes_at > registration_opens_at),
  CHECK (booking_closes_at > booking_opens_at),
  CHECK (tables + virtual_rooms > 0)
);

CREATE TABLE brokerage_participants (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id           uuid NOT NULL REFERENCES brokerages(event_id) ON DELETE CASCADE,
  user_id            uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  organisation_id    uuid REFERENCES organisations(id) ON DELETE SET NULL,
  status             text NOT NULL CHECK (status IN ('pending', 'confirmed', 'declined', 'cancelled')),
  role               text NOT NULL,
  offer              text NOT NULL DEFAULT '',
  request            text NOT NULL DEFAULT '',
  taxonomy_codes     text[] NOT NULL DEFAULT '{}',
  -- Session ids of the configuration, and slot starts ("2026-12-03T10:20:00.000Z") kept free for talks.
  available_sessions text[] NOT NULL DEFAULT '{}',
  blocked_slots      text[] NOT NULL DEFAULT '{}',
  checked_in_at      timestamptz,
  reminded_at        timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_id, user_id)
);
CREATE INDEX brokerage_participants_event_idx ON brokerage_participants (event_id, status);

-- Marketplace profiles (read-only here) a participant shows on their event profile.
CREATE TABLE brokerage_participant_profiles (
  participant_id uuid NOT NULL REFERENCES brokerage_participants(id) ON DELETE CASCADE,
  profile_id     uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  PRIMARY KEY (participant_id, profile_id)
);

CREATE TABLE brokerage_requests (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id         uuid NOT NULL REFERENCES brokerages(event_id) ON DELETE CASCADE,
  from_participant uuid NOT NULL REFERENCES brokerage_participants(id) ON DELETE CASCADE,
  to_participant   uuid NOT NULL REFERENCES brokerage_participants(id) ON DELETE CASCADE,
  message          text NOT NULL DEFAULT '',
  status           text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn', 'cancelled')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  answered_at      timestamptz,
  CHECK (from_participant <> to_participant)
);
-- One live request per pair, whoever sent it.
CREATE UNIQUE INDEX brokerage_requests_live_pair_idx ON brokerage_requests
  (event_id, LEAST(from_participant, to_participant), GREATEST(from_participant, to_participant))
  WHERE status IN ('pending', 'accepted');
CREATE INDEX brokerage_requests_to_idx ON brokerage_requests (to_participant, status);
CREATE INDEX brokerage_requests_from_idx ON brokerage_requests (from_participant, status);

CREATE TABLE brokerage_meetings (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id        uuid NOT NULL REFERENCES brokerages(event_id) ON DELETE CASCADE,
  request_id      uuid NOT NULL REFERENCES brokerage_requests(id) ON DELETE CASCADE,
  participant_a   uuid NOT NULL REFERENCES brokerage_participants(id) ON DELETE CASCADE,
  participant_b   uuid NOT NULL REFERENCES brokerage_participants(id) ON DELETE CASCADE,
  starts_at       timestamptz NOT NULL,
  ends_at         timestamptz NOT NULL,
  table_number    integer CHECK (table_number >= 0),
  virtual_room    integer CHECK (virtual_room >= 0),
  status          text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  -- Published meetings are pinned: a later scheduler run keeps their slot and table.
  published       boolean NOT NULL DEFAULT false,
  a_held          boolean,
  a_follow_up     text CHECK (a_follow_up IN ('none', 'contact_planned', 'negotiation', 'agreement')),
  b_held          boolean,
  b_follow_up     text CHECK (b_follow_up IN ('none', 'contact_planned', 'negotiation', 'agreement')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((table_number IS NULL) <> (virtual_room IS NULL)),
  CHECK (ends_at > starts_at)
);
CREATE UNIQUE INDEX brokerage_meetings_request_idx ON brokerage_meetings (request_id) WHERE status = 'scheduled';
CREATE UNIQUE INDEX brokerage_meetings_table_idx ON brokerage_meetings (event_id, starts_at, table_number) WHERE status = 'scheduled' AND table_number IS NOT NULL;
CREATE UNIQUE INDEX brokerage_meetings_room_idx ON brokerage_meetings (event_id, starts_at, virtual_room) WHERE status = 'scheduled' AND virtual_room IS NOT NULL;
CREATE INDEX brokerage_meetings_a_idx ON brokerage_meetings (participant_a, starts_at);
CREATE INDEX brokerage_meetings_b_idx ON brokerage_meetings (participant_b, starts_at);
