-- Marketplace filters that live outside a profile's own row as index terms (measured on 100,000 organisations
-- and 200,000 profiles, see `npm run bench:matchmaking`).

-- A profile's taxonomy tags and its owner's type, size and region, next to its text and own facets
-- (migration 0012) in one GIN index: a search filtered by any of them is one intersection of posting lists.
-- Terms: `taxonomy_<code>` for each tag and each of its ancestors (a filter on a node takes everything
-- below it), `code_<code>` for each tag itself, `type_<type>`, `size_<size>`, `region_<nuts2>`; codes are
-- lower case with '.' written '_'. While the profile is published, its tag terms once more prefixed with
-- `published_<kind>_`: a recommendation asks for the published profiles of some kinds that share the
-- seeker's codes through a few short posting lists, instead of intersecting them with every published
-- profile of those kinds. Kept up to date by the triggers below, as organisations.facets (0002) is.
ALTER TABLE profiles ADD COLUMN linked_facets tsvector NOT NULL DEFAULT ''::tsvector;

-- The terms of a profile with these tags, owner, kind and status (a bulk load passes the tags it loads).
CREATE OR REPLACE FUNCTION profile_linked_facets_of(codes text[], owner_id uuid, kind text, status text) RETURNS tsvector
  LANGUAGE sql STABLE AS $$
  WITH tags AS (
    SELECT 'code_' || lower(replace(code, '.', '_')) AS term FROM unnest(codes) AS code
    UNION
    SELECT 'taxonomy_' || lower(array_to_string((string_to_array(code, '.'))[1:depth], '_'))
    FROM unnest(codes) AS code, generate_series(1, array_length(string_to_array(code, '.'), 1)) AS depth
  )
  SELECT array_to_tsvector(coalesce(array_agg(DISTINCT term), '{}'))
  FROM (
    SELECT term FROM tags
    UNION ALL SELECT 'published_' || kind || '_' || term FROM tags WHERE status = 'published'
    UNION ALL SELECT 'type_' || o.type FROM organisations o WHERE o.id = owner_id
    UNION ALL SELECT 'size_' || o.size_class FROM organisations o WHERE o.id = owner_id AND o.size_class IS NOT NULL
    UNION ALL SELECT 'region_' || lower(o.nuts2) FROM organisations o WHERE o.id = owner_id AND o.nuts2 IS NOT NULL
  ) terms
$$;

CREATE OR REPLACE FUNCTION profile_linked_facets(profile profiles) RETURNS tsvector
  LANGUAGE sql STABLE AS $$
  SELECT profile_linked_facets_of(
    ARRAY(SELECT t.taxonomy_code FROM profile_taxonomy t WHERE t.profile_id = profile.id), profile.organisation_id, profile.kind, profile.status)
$$;

CREATE OR REPLACE FUNCTION profiles_linked_facets_refresh() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW.linked_facets := profile_linked_facets(NEW);
  RETURN NEW;
END $$;

CREATE TRIGGER profiles_linked_facets_refresh
  BEFORE INSERT OR UPDATE OF organisation_id, kind, status ON profiles
  FOR EACH ROW EXECUTE FUNCTION profiles_linked_facets_refresh();

-- Tags live in their own table: one refresh per statement, for the profiles it touched.
CREATE OR REPLACE FUNCTION profiles_linked_facets_refresh_tags() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE profiles p SET linked_facets = profile_linked_facets(p)
  WHERE p.id IN (SELECT DISTINCT profile_id FROM changed_rows);
  RETURN NULL;
END $$;

CREATE TRIGGER profile_taxonomy_linked_facets_insert AFTER INSERT ON profile_taxonomy
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION profiles_linked_facets_refresh_tags();
CREATE TRIGGER profile_taxonomy_linked_facets_delete AFTER DELETE ON profile_taxonomy
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION profiles_linked_facets_refresh_tags();
-- An update may move a tag from one profile to another: both are refreshed.
CREATE TRIGGER profile_taxonomy_linked_facets_update_old AFTER UPDATE ON profile_taxonomy
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION profiles_linked_facets_refresh_tags();
CREATE TRIGGER profile_taxonomy_linked_facets_update_new AFTER UPDATE ON profile_taxonomy
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION profiles_linked_facets_refresh_tags();

-- An organisation's type, size or region changes the terms of every profile it owns.
CREATE OR REPLACE FUNCTION organisations_profile_facets_refresh() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE profiles p SET linked_facets = profile_linked_facets(p) WHERE p.organisation_id = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER organisations_profile_facets_refresh
  AFTER UPDATE OF type, size_class, nuts2 ON organisations
  FOR EACH ROW
  WHEN (OLD.type IS DISTINCT FROM NEW.type OR OLD.size_class IS DISTINCT FROM NEW.size_class OR OLD.nuts2 IS DISTINCT FROM NEW.nuts2)
  EXECUTE FUNCTION organisations_profile_facets_refresh();

UPDATE profiles p SET linked_facets = profile_linked_facets(p);

DROP INDEX IF EXISTS profiles_search_facets_idx;
CREATE INDEX profiles_search_facets_idx ON profiles USING gin (search_document, facets, linked_facets);

-- The recommendation's taxonomy side no longer counts tag rows and checks each profile through this index
-- (it asks the GIN index above); left in place, the planner walks it whole for candidate queries with a LIMIT.
DROP INDEX IF EXISTS profiles_published_kind_idx;

-- An organisation's competences as exact codes too (`code_<code>`, beside migration 0002's `taxonomy_<code>`
-- and `taxonomy_<root>`): a recommendation finds the organisations sharing the seeker's codes or their
-- parents through the facets index, tier by tier, instead of counting every competence row of a broad code.
CREATE OR REPLACE FUNCTION organisation_facets(org organisations) RETURNS tsvector
  LANGUAGE sql STABLE AS $$
  SELECT array_to_tsvector(coalesce(array_agg(DISTINCT term), '{}'))
  FROM (
    SELECT 'type_' || org.type AS term
    UNION ALL SELECT 'size_' || org.size_class WHERE org.size_class IS NOT NULL
    UNION ALL SELECT 'country_' || lower(org.country)
    UNION ALL SELECT 'province_' || lower(org.province_code) WHERE org.province_code IS NOT NULL
    UNION ALL SELECT 'region_' || lower(org.nuts2) WHERE org.nuts2 IS NOT NULL
    UNION ALL SELECT 'taxonomy_' || lower(replace(c.taxonomy_code, '.', '_')) FROM organisation_competences c WHERE c.organisation_id = org.id
    UNION ALL SELECT 'taxonomy_' || lower(split_part(c.taxonomy_code, '.', 1)) FROM organisation_competences c WHERE c.organisation_id = org.id
    UNION ALL SELECT 'code_' || lower(replace(c.taxonomy_code, '.', '_')) FROM organisation_competences c WHERE c.organisation_id = org.id
    -- Every membership, past or future: the search checks the period on the few rows the terms select.
    UNION ALL SELECT 'cluster_' || replace(m.cluster_id::text, '-', '') FROM memberships m WHERE m.organisation_id = org.id
  ) terms
$$;

UPDATE organisations o SET facets = organisation_facets(o);
