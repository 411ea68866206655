-- The marketplace: profiles (offers and requests) posted by organisations in a district, reviewed by
-- that district's managers, searched in Italian and English; expressions of interest and their threads,
-- with every step of the way to an agreement recorded so that the funnel can be counted.

CREATE TABLE profiles (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind               text NOT NULL CHECK (kind IN ('technology_offer', 'technology_request', 'business_offer', 'business_request',
                                                   'rd_partner_request', 'finance_request', 'finance_offer')),
  status             text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'published', 'expired', 'closed')),
  organisation_id    uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  cluster_id         uuid NOT NULL REFERENCES clusters(id),
  -- The language of title and summary; descriptions carry their own.
  language           text NOT NULL DEFAULT 'it' CHECK (language IN ('it', 'en')),
  title              text NOT NULL,
  summary            text NOT NULL DEFAULT '',
  description_it     text NOT NULL DEFAULT '',
  description_en     text NOT NULL DEFAULT '',
  keywords           text[] NOT NULL DEFAULT '{}',
  trl                smallint CHECK (trl BETWEEN 1 AND 9),
  partnership_kinds  text[] NOT NULL DEFAULT '{}',
  target_organisation_types text[] NOT NULL DEFAULT '{}',
  geographic_scope   text NOT NULL DEFAULT 'international' CHECK (geographic_scope IN ('regional', 'national', 'european', 'international')),
  expires_on         date NOT NULL,
  review_comment     text,
  reviewed_by        uuid REFERENCES users(id) ON DELETE SET NULL,
  reviewed_at        timestamptz,
  submitted_at       timestamptz,
  published_at       timestamptz,
  closed_at          timestamptz,
  expiry_reminded_at timestamptz,
  close_outcome      text CHECK (close_outcome IN ('partner_found', 'no_partner', 'withdrawn')),
  created_by         uuid REFERENCES users(id) ON DELETE SET NULL,
  title_folded       text NOT NULL DEFAULT '',
  summary_folded     text NOT NULL DEFAULT '',
  search_document    tsvector,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX profiles_organisation_idx ON profiles (organisation_id, status);
CREATE INDEX profiles_review_idx ON profiles (cluster_id, status, submitted_at);
CREATE INDEX profiles_published_idx ON profiles (published_at DESC, id) WHERE status = 'published';
CREATE INDEX profiles_expiry_idx ON profiles (expires_on) WHERE status = 'published' AND expiry_reminded_at IS NULL;
CREATE INDEX profiles_search_idx ON profiles USING gin (search_document);
CREATE INDEX profiles_title_trgm_idx ON profiles USING gin (title_folded gin_trgm_ops);

-- Same approach as the directory (migration 0001): title and summary stemmed in their language and kept
-- unstemmed, descriptions each with its own dictionary, keywords in every form, all accent-folded.
CREATE OR REPLACE FUNCTION profiles_search_refresh() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  dictionary regconfig := CASE WHEN NEW.language = 'en' THEN 'english'::regconfig ELSE 'italian'::regconfig END;
  folded_keywords text := clock_fold(array_to_string(NEW.keywords, ' '));
BEGIN
  NEW.title_folded := clock_fold(NEW.title);
  NEW.summary_folded := clock_fold(NEW.summary);
  NEW.search_document :=
       setweight(to_tsvector('simple', NEW.title_folded), 'A')
    || setweight(to_tsvector(dictionary, NEW.title_folded), 'A')
    || setweight(to_tsvector('simple', folded_keywords), 'B')
    || setweight(to_tsvector('italian', folded_keywords), 'B')
    || setweight(to_tsvector('english', folded_keywords), 'B')
    || setweight(to_tsvector(dictionary, NEW.summary_folded), 'B')
    || setweight(to_tsvector('italian', clock_fold(NEW.description_it)), 'C')
    || setweight(to_tsvector('english', clock_fold(NEW.description_en)), 'C');
  RETURN NEW;
END $$;

CREATE TRIGGER profiles_search_refresh
  BEFORE INSERT OR UPDATE OF language, title, summary, description_it, description_en, keywords ON profiles
  FOR EACH ROW EXECUTE FUNCTION profiles_search_refresh();

CREATE TABLE profile_taxonomy (
  profile_id    uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  taxonomy_code text NOT NULL REFERENCES taxonomy_nodes(code),
  PRIMARY KEY (profile_id, taxonomy_code)
);
CREATE INDEX profile_taxonomy_code_idx ON profile_taxonomy (taxonomy_code, profile_id);

-- Expressions of interest: one organisation answering another's published profile.
CREATE TABLE profile_interests (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  profile_id      uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  created_by      uuid REFERENCES users(id) ON DELETE SET NULL,
  message         text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
  decided_by      uuid REFERENCES users(id) ON DELETE SET NULL,
  decided_at      timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (profile_id, organisation_id)
);
CREATE INDEX profile_interests_organisation_idx ON profile_interests (organisation_id, created_at DESC);

-- Every step of an interest on the way to an agreement, with when it happened and who recorded it.
CREATE TABLE interest_steps (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  interest_id     uuid NOT NULL REFERENCES profile_interests(id) ON DELETE CASCADE,
  step            text NOT NULL CHECK (step IN ('interest', 'accepted', 'declined', 'meeting', 'agreement', 'no_agreement')),
  occurred_on     date NOT NULL,
  meeting_mode    text CHECK (meeting_mode IN ('physical', 'virtual')),
  agreement_type  text CHECK (agreement_type IN ('licence', 'joint_venture', 'subcontracting', 'research_cooperation',
                                                 'technical_cooperation', 'commercial_agreement', 'financing')),
  value_cents     bigint CHECK (value_cents >= 0),
  recorded_by     uuid REFERENCES users(id) ON DELETE SET NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interest_steps_interest_idx ON interest_steps (interest_id, recorded_at);

-- The contact thread opened by an accepted interest.
CREATE TABLE interest_messages (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  interest_id     uuid NOT NULL REFERENCES profile_interests(id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  author_id       uuid REFERENCES users(id) ON DELETE SET NULL,
  body            text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interest_messages_interest_idx ON interest_messages (interest_id, created_at);
