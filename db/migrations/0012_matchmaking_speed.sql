-- Marketplace search and recommendations at scale (measured on 100,000 organisations and 200,000 profiles,
-- see `npm run bench:matchmaking`).

-- A profile's own filters as index terms (kind, status, district, TRL), next to its text in one GIN index:
-- a text query narrowed by kind or district is one intersection of posting lists, and only the profiles
-- that pass every filter are read, instead of every profile that contains the words.
ALTER TABLE profiles ADD COLUMN facets tsvector GENERATED ALWAYS AS (
  array_to_tsvector(ARRAY[
    'kind_' || kind,
    'status_' || status,
    'cluster_' || replace(cluster_id::text, '-', ''),
    'trl_' || coalesce(trl::text, 'none')
  ])
) STORED;

DROP INDEX IF EXISTS profiles_search_idx;
CREATE INDEX profiles_search_facets_idx ON profiles USING gin (search_document, facets);

-- Counting and browsing the open marketplace without reading the profiles themselves.
CREATE INDEX profiles_open_idx ON profiles (expires_on, kind, cluster_id, trl, organisation_id) WHERE status = 'published';

-- The taxonomy side of a recommendation counts shared codes per profile, then keeps open profiles of the
-- right kind: id with kind, expiry and owner answers that check from the index alone.
CREATE INDEX profiles_published_kind_idx ON profiles (id, kind, expires_on, organisation_id) WHERE status = 'published';
