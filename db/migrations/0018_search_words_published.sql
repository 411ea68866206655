-- Misspelt queries are corrected only to words of published profiles. Until now a draft's words were learnt as
-- it was written, so a visitor's typo could be "corrected" to a word that only an unpublished profile uses: it
-- found nothing, and it told the visitor that some draft uses that word. A profile's words are learnt when it is
-- published and when a published profile is edited; words are still never removed (a profile closed or expired
-- was public once), see 0017.
CREATE OR REPLACE FUNCTION profiles_search_words() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'published' THEN
    INSERT INTO search_words (word)
    SELECT word FROM clock_words(concat_ws(' ', NEW.title, array_to_string(NEW.keywords, ' '), NEW.summary)) AS word
    ORDER BY word
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

DROP TRIGGER profiles_search_words ON profiles;
CREATE TRIGGER profiles_search_words AFTER INSERT OR UPDATE OF title, keywords, summary, status ON profiles
  FOR EACH ROW EXECUTE FUNCTION profiles_search_words();

-- Relearn from the profiles that are, or were, public.
DELETE FROM search_words;
INSERT INTO search_words (word)
SELECT DISTINCT word FROM profiles, clock_words(concat_ws(' ', title, array_to_string(keywords, ' '), summary)) AS word
WHERE status = 'published' OR published_at IS NOT NULL
ORDER BY word
ON CONFLICT DO NOTHING;
