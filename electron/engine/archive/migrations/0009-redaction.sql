-- Partial disclosure (issue 14): redaction regions per page, the redacted files built from them,
-- and the decision "public with redactions" (công khai một phần).

-- A decision that publishes the document only with its accepted redaction regions removed. Only a
-- public decision can be partial. `redaction_key` is the identity of the regions the reviewer
-- approved (redaction/regions.ts regionsKey: regions, their grounds and the page images they were
-- drawn on); the export and the provision of documents publish a partial decision only while the
-- document's regions still have that key. An approved partial decision always has one.
ALTER TABLE decisions ADD COLUMN partial INTEGER NOT NULL DEFAULT 0
  CHECK (partial IN (0, 1) AND (partial = 0 OR access_class = 'public'));
ALTER TABLE decisions ADD COLUMN redaction_key TEXT
  CHECK ((partial = 0 AND redaction_key IS NULL) OR (partial = 1 AND (approved = 0 OR redaction_key IS NOT NULL)));

-- A region to remove from a page: proposed from a finding (personal data, a protected passage),
-- drawn by the reviewer, or made from a text span they selected. Boxes are fractions of the page
-- image the viewer shows (the OCR's prepared image, else the page rendered from the original);
-- '[]' = a proposal whose place on the page could not be worked out (the reviewer draws it).
-- Never deleted: a removed region stays as a record of what the reviewer decided.
CREATE TABLE redaction_regions (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page          INTEGER NOT NULL CHECK (page >= 1),
  boxes         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(boxes)),
  state         TEXT NOT NULL CHECK (state IN ('proposed', 'accepted', 'removed')),
  origin        TEXT NOT NULL CHECK (origin IN ('finding', 'drawn', 'text')),
  -- A personal-data kind of Decree 356/2025 ('cccd', 'name', 'health', …), 'protected' (a passage
  -- of a withholding ground) or 'other' (drawn by the reviewer).
  category      TEXT NOT NULL,
  -- The legal ground: a registry entry of a withholding class, and its short label ("Đ7.K2").
  basis_id      TEXT NOT NULL,
  basis_version TEXT NOT NULL,
  label         TEXT NOT NULL,
  -- The words the region removes, when known: masked in published titles, checked absent from
  -- the redacted file.
  text          TEXT,
  span_start    INTEGER,
  span_end      INTEGER,
  -- A finding's identity (page:start:end): each finding is proposed once.
  source_key    TEXT,
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  UNIQUE (document_id, source_key)
) STRICT;
CREATE INDEX redaction_regions_document ON redaction_regions(document_id, page);

-- Redacted PDFs (page images with the regions painted over, a new OCR text layer of the painted
-- images), content-addressed in the file store, one per document and regions key: rebuilt only
-- when the regions change. A cache of what the regions produce (restore drops it); the files
-- themselves stay in the store as a record of what was published.
CREATE TABLE redacted_files (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  regions_key TEXT NOT NULL,
  sha256      TEXT NOT NULL REFERENCES files(sha256),
  -- JSON array: the OCR text of each redacted page (what a reader of the file sees).
  page_texts  TEXT NOT NULL CHECK (json_valid(page_texts)),
  built_at    TEXT NOT NULL,
  PRIMARY KEY (document_id, regions_key)
) STRICT;
