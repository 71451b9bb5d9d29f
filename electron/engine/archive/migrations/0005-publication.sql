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
-- finders. A cache, never a source of truth: the triggers below delete a document's row whenever
-- any of its pages is added, removed or gets another text — whoever writes it — and the export
-- recomputes a missing row (or one of older finders), so a document that was never extracted is
-- still checked and no export re-reads the text of unchanged documents.
CREATE TABLE publication_checks (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  finders     TEXT NOT NULL,
  secrecy     TEXT,                                  -- the first secrecy stamp's level, NULL if none
  personal    TEXT NOT NULL DEFAULT '[]',            -- JSON array of personal-data strings
  -- The last title checked for publication: a hash of (finders, title, personal data), the title as
  -- published (masked) and whether it was clean (1) or still held personal data (0).
  title_key   TEXT,
  title_published TEXT,
  title_clean INTEGER
) STRICT;
CREATE TRIGGER pages_insert_unchecks AFTER INSERT ON pages BEGIN
  DELETE FROM publication_checks WHERE document_id = NEW.document_id;
END;
CREATE TRIGGER pages_text_unchecks AFTER UPDATE OF text, document_id, n ON pages BEGIN
  DELETE FROM publication_checks WHERE document_id IN (OLD.document_id, NEW.document_id);
END;
CREATE TRIGGER pages_delete_unchecks AFTER DELETE ON pages BEGIN
  DELETE FROM publication_checks WHERE document_id = OLD.document_id;
END;
