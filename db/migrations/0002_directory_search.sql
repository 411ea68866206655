-- Directory search at scale (measured on 100,000 organisations, see `npm run bench:directory`).

-- Type and size are strongly correlated (a university has no size class, most SMEs are micro or small):
-- without these statistics the planner multiplies their selectivities and walks the whole name index.
CREATE STATISTICS IF NOT EXISTS organisations_type_size_stats (mcv, dependencies) ON type, size_class FROM organisations;
CREATE STATISTICS IF NOT EXISTS organisations_place_stats (mcv, dependencies) ON province_code, nuts2, country FROM organisations;

-- Browsing a filtered directory page by page in name order reads these in order and stops at the page.
CREATE INDEX IF NOT EXISTS organisations_type_name_idx ON organisations (type, name_folded, id);
CREATE INDEX IF NOT EXISTS memberships_cluster_period_idx ON memberships (cluster_id, since, until, organisation_id);

-- Facets as index terms: every filter of the directory is also a term of `facets`, so a text query with
-- filters is one intersection of posting lists (GIN), whatever the share of the directory each side selects.
ALTER TABLE organisations ADD COLUMN facets tsvector NOT NULL DEFAULT ''::tsvector;

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
    -- Every membership, past or future: the search checks the period on the few rows the terms select.
    UNION ALL SELECT 'cluster_' || replace(m.cluster_id::text, '-', '') FROM memberships m WHERE m.organisation_id = org.id
  ) terms
$$;

CREATE OR REPLACE FUNCTION organisations_facets_refresh() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW.facets := organisation_facets(NEW);
  RETURN NEW;
END $$;

CREATE TRIGGER organisations_facets_refresh
  BEFORE INSERT OR UPDATE OF type, size_class, country, province_code, nuts2 ON organisations
  FOR EACH ROW EXECUTE FUNCTION organisations_facets_refresh();

-- Competences and memberships live in their own tables: one refresh per statement, for the rows it touched.
CREATE OR REPLACE FUNCTION organisations_facets_refresh_children() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE organisations o SET facets = organisation_facets(o)
  WHERE o.id IN (SELECT DISTINCT organisation_id FROM changed_rows);
  RETURN NULL;
END $$;

CREATE TRIGGER organisation_competences_facets_insert AFTER INSERT ON organisation_competences
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION organisations_facets_refresh_children();
CREATE TRIGGER organisation_competences_facets_delete AFTER DELETE ON organisation_competences
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION organisations_facets_refresh_children();
CREATE TRIGGER memberships_facets_insert AFTER INSERT ON memberships
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION organisations_facets_refresh_children();
CREATE TRIGGER memberships_facets_delete AFTER DELETE ON memberships
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION organisations_facets_refresh_children();

UPDATE organisations o SET facets = organisation_facets(o);
CREATE INDEX organisations_facets_idx ON organisations USING gin (facets);

-- pg_trgm declares its similarity operators as cheap as an equality, so with a visible query string the
-- planner prefers evaluating word similarity on every name of an index over the trigram index itself.
-- Their real cost is that of a similarity computation. Changing it needs to own the extension; where the
-- database user does not, the planner keeps the default and searches stay correct, only slower.
DO $$
BEGIN
  ALTER FUNCTION word_similarity_op(text, text) COST 100;
  ALTER FUNCTION word_similarity_commutator_op(text, text) COST 100;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pg_trgm operator costs left unchanged (not the owner of the extension)';
END $$;
