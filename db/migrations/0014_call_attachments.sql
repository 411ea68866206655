-- Attachments of a funding call (issue 5): the call text as PDF, forms, annexes, templates.
-- The bytes live in the database (bytea), so PGlite and PostgreSQL behave the same and no file store is needed.
-- The server decides content_type from the file name's extension after checking the file's magic bytes.

CREATE TABLE call_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('call_text', 'form', 'annex', 'template', 'other')),
  language text NOT NULL CHECK (language IN ('it', 'en', 'both')),
  title_it text NOT NULL,
  title_en text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  position integer NOT NULL DEFAULT 0,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (octet_length(content) = size_bytes)
);
CREATE INDEX call_attachments_call_idx ON call_attachments (call_id, position);
