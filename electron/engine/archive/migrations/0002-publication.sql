-- Publication safety (issue 9): what a decision publishes, opaque public ids, and the cached
-- publication checks of a document's text.

-- The title the reviewer approved for publication (personal data masked, editable before
-- approval). NULL on decisions recorded before this column existed: the export then masks the
-- title it derives from the header.
ALTER TABLE decisions ADD COLUMN published_title TEXT;

-- A stable random id per document for everything published about it (page and PDF names,
-- catalogue anchors, search keys), so the website never reveals the archive's sequential ids
-- (how many documents exist, which ones are withheld).
CREATE TABLE public_ids (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  public_id   TEXT NOT NULL UNIQUE CHECK (length(public_id) BETWEEN 8 AND 32)
) STRICT;

-- The secrecy stamps and personal-data strings found in a document's page text by the current
-- finders, keyed by a hash of that text and the finders' version. A cache, never a source of
-- truth: the export recomputes a row whenever the text or the finders changed, so a document
-- that was never extracted is still checked.
CREATE TABLE publication_checks (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  text_sha256 TEXT NOT NULL,
  finders     TEXT NOT NULL,
  secrecy     TEXT,                                  -- the first secrecy stamp's level, NULL if none
  personal    TEXT NOT NULL DEFAULT '[]',            -- JSON array of personal-data strings
  -- The last title checked for publication: a hash of (finders, title, personal data), the title as
  -- published (masked) and whether it was clean (1) or still held personal data (0).
  title_key   TEXT,
  title_published TEXT,
  title_clean INTEGER
) STRICT;
