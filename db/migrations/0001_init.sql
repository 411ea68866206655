-- CLOCK foundation: reference data (taxonomy, geography, districts and clusters), organisations, accounts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (it reads a dictionary); indexes need an IMMUTABLE wrapper with a fixed dictionary.
CREATE OR REPLACE FUNCTION clock_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

-- S3 taxonomy ---------------------------------------------------------------------------------------
CREATE TABLE taxonomy_nodes (
  code        text PRIMARY KEY,
  parent_code text REFERENCES taxonomy_nodes(code),
  label_it    text NOT NULL,
  label_en    text NOT NULL,
  position    integer NOT NULL
);

-- Geography (NUTS 2021) -----------------------------------------------------------------------------
CREATE TABLE regions (
  nuts2   text PRIMARY KEY,
  name_it text NOT NULL,
  name_en text NOT NULL
);

CREATE TABLE provinces (
  code         text PRIMARY KEY,
  name         text NOT NULL,
  nuts3        text NOT NULL UNIQUE,
  region_nuts2 text NOT NULL REFERENCES regions(nuts2)
);

-- Districts and clusters ----------------------------------------------------------------------------
CREATE TABLE clusters (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug            text NOT NULL UNIQUE,
  kind            text NOT NULL CHECK (kind IN ('regional_district', 'cluster_of_clusters', 'regional_cluster', 'national_cluster')),
  name_it         text NOT NULL,
  name_en         text NOT NULL,
  short_name      text NOT NULL,
  sector_it       text NOT NULL,
  sector_en       text NOT NULL,
  region_nuts2    text REFERENCES regions(nuts2),
  managing_entity text,
  website         text,
  description_it  text NOT NULL DEFAULT '',
  description_en  text NOT NULL DEFAULT '',
  funded_by_region boolean NOT NULL DEFAULT false,
  founded_year    integer,
  position        integer NOT NULL DEFAULT 0,
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cluster_links (
  parent_id uuid NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  child_id  uuid NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  PRIMARY KEY (parent_id, child_id)
);

CREATE TABLE cluster_priorities (
  cluster_id    uuid NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  taxonomy_code text NOT NULL REFERENCES taxonomy_nodes(code),
  PRIMARY KEY (cluster_id, taxonomy_code)
);

-- Organisations -------------------------------------------------------------------------------------
CREATE TABLE organisations (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  legal_name          text NOT NULL,
  short_name          text,
  type                text NOT NULL CHECK (type IN ('startup', 'sme', 'large_company', 'company', 'research_organisation',
                                                    'university', 'financial_operator', 'public_body', 'other')),
  headcount           integer CHECK (headcount >= 0),
  turnover_cents      bigint CHECK (turnover_cents >= 0),
  balance_sheet_cents bigint CHECK (balance_sheet_cents >= 0),
  size_class          text CHECK (size_class IN ('micro', 'small', 'medium', 'large')),
  vat_number          text,
  fiscal_code         text,
  country             text NOT NULL DEFAULT 'IT' CHECK (country ~ '^[A-Z]{2}$'),
  street              text,
  postcode            text,
  city                text,
  province_code       text REFERENCES provinces(code),
  nuts2               text,
  nuts3               text,
  website             text,
  description_it      text NOT NULL DEFAULT '',
  description_en      text NOT NULL DEFAULT '',
  keywords            text[] NOT NULL DEFAULT '{}',
  founded_year        integer,
  source              text NOT NULL DEFAULT 'platform',
  source_id           text,
  name_folded         text NOT NULL DEFAULT '',
  search_document     tsvector,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, source_id)
);

CREATE UNIQUE INDEX organisations_vat_unique ON organisations (country, vat_number) WHERE vat_number IS NOT NULL;
CREATE INDEX organisations_type_idx ON organisations (type);
CREATE INDEX organisations_size_idx ON organisations (size_class);
CREATE INDEX organisations_province_idx ON organisations (province_code);
CREATE INDEX organisations_country_idx ON organisations (country);
CREATE INDEX organisations_name_sort_idx ON organisations (name_folded, id);
CREATE INDEX organisations_name_trgm_idx ON organisations USING gin (name_folded gin_trgm_ops);
CREATE INDEX organisations_search_idx ON organisations USING gin (search_document);

-- The search document stems Italian and English texts each with its own dictionary, and keeps names and
-- keywords unstemmed, all without accents, so "universita" finds "Università".
CREATE OR REPLACE FUNCTION organisations_search_refresh() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW.name_folded := clock_fold(coalesce(NEW.legal_name, '') || ' ' || coalesce(NEW.short_name, ''));
  NEW.search_document :=
       setweight(to_tsvector('simple', NEW.name_folded), 'A')
    || setweight(to_tsvector('simple', clock_fold(array_to_string(NEW.keywords, ' '))), 'B')
    || setweight(to_tsvector('italian', clock_fold(array_to_string(NEW.keywords, ' '))), 'B')
    || setweight(to_tsvector('english', clock_fold(array_to_string(NEW.keywords, ' '))), 'B')
    || setweight(to_tsvector('italian', clock_fold(NEW.description_it)), 'C')
    || setweight(to_tsvector('english', clock_fold(NEW.description_en)), 'C')
    || setweight(to_tsvector('simple', clock_fold(coalesce(NEW.city, ''))), 'D');
  RETURN NEW;
END $$;

CREATE TRIGGER organisations_search_refresh
  BEFORE INSERT OR UPDATE OF legal_name, short_name, keywords, description_it, description_en, city ON organisations
  FOR EACH ROW EXECUTE FUNCTION organisations_search_refresh();

CREATE TABLE organisation_competences (
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  taxonomy_code   text NOT NULL REFERENCES taxonomy_nodes(code),
  PRIMARY KEY (organisation_id, taxonomy_code)
);
CREATE INDEX organisation_competences_code_idx ON organisation_competences (taxonomy_code, organisation_id);

CREATE TABLE organisation_contacts (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  full_name       text NOT NULL,
  role_title      text,
  email           text,
  phone           text,
  position        integer NOT NULL DEFAULT 0
);
CREATE INDEX organisation_contacts_org_idx ON organisation_contacts (organisation_id);

-- Membership of districts and clusters over time: calls treat associated members and others differently.
CREATE TABLE memberships (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  cluster_id      uuid NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  associated      boolean NOT NULL DEFAULT true,
  since           date NOT NULL,
  until           date,
  CHECK (until IS NULL OR until >= since)
);
CREATE INDEX memberships_cluster_idx ON memberships (cluster_id, organisation_id);
CREATE INDEX memberships_org_idx ON memberships (organisation_id);

-- Accounts ------------------------------------------------------------------------------------------
CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email         text NOT NULL,
  password_hash text NOT NULL,
  full_name     text NOT NULL,
  locale        text NOT NULL DEFAULT 'it' CHECK (locale IN ('it', 'en')),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

-- Platform-wide roles; organisation and district roles live in their own tables.
CREATE TABLE user_roles (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role    text NOT NULL CHECK (role IN ('platform_admin', 'ma_officer', 'evaluator')),
  PRIMARY KEY (user_id, role)
);

CREATE TABLE organisation_users (
  organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  user_id         uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role            text NOT NULL CHECK (role IN ('member', 'admin')),
  PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX organisation_users_user_idx ON organisation_users (user_id);

CREATE TABLE district_managers (
  cluster_id uuid NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  user_id    uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (cluster_id, user_id)
);
CREATE INDEX district_managers_user_idx ON district_managers (user_id);

-- Only hashes of session and reset tokens are stored: a leaked table opens no session.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE password_resets (
  token_hash text PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);

-- Outgoing e-mail waits here for the mailer (or for an operator reading `clock outbox`).
CREATE TABLE outbox (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  to_email   text NOT NULL,
  subject    text NOT NULL,
  body       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at    timestamptz
);

CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     uuid REFERENCES users(id) ON DELETE SET NULL,
  action      text NOT NULL,
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  details     jsonb NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
