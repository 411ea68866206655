-- The marketplace's typo tolerance: the words of profiles' titles, keywords and summaries, once each, so that a
-- word of a query that no profile uses is corrected to the closest word that some profile does use (a trigram
-- lookup over some thousands of words) and searched again by full text, instead of comparing the whole query
-- with every title (measured on 200,000 profiles, see `npm run bench:matchmaking`). The method is the one the
-- pg_trgm documentation gives for text search.
CREATE TABLE search_words (
  word text PRIMARY KEY
);
CREATE INDEX search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops);

-- Folded (accents off, lower case) words of four letters or more; shorter ones are too short to correct.
CREATE OR REPLACE FUNCTION clock_words(value text) RETURNS SETOF text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT DISTINCT word FROM regexp_split_to_table(clock_fold(coalesce(value, '')), '[^a-z0-9]+') AS word
  WHERE length(word) BETWEEN 4 AND 40
$$;

-- Words are only ever added: a word no profile uses any more still corrects to itself, and then finds nothing.
-- Inserted in sorted order, so that two transactions adding the same new words never wait for each other in a cycle.
CREATE OR REPLACE FUNCTION profiles_search_words() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word)
  SELECT word FROM clock_words(concat_ws(' ', NEW.title, array_to_string(NEW.keywords, ' '), NEW.summary)) AS word
  ORDER BY word
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER profiles_search_words AFTER INSERT OR UPDATE OF title, keywords, summary ON profiles
  FOR EACH ROW EXECUTE FUNCTION profiles_search_words();

INSERT INTO search_words (word)
SELECT DISTINCT word FROM profiles, clock_words(concat_ws(' ', title, array_to_string(keywords, ' '), summary)) AS word
ORDER BY word
ON CONFLICT DO NOTHING;
