-- Minh Bạch archive schema, version 1.
-- Designed for the whole document journey: import → OCR → understanding → review → export.

-- Originals and derived images, stored byte-for-byte under store/ab/cd/<sha256>.
CREATE TABLE files (
  sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size       INTEGER NOT NULL CHECK (size >= 0),
  mime       TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE documents (
  id           INTEGER PRIMARY KEY,
  file_sha256  TEXT NOT NULL UNIQUE REFERENCES files(sha256),
  -- The original file name is data only: never a path, never passed to a shell.
  file_name    TEXT NOT NULL,
  mime         TEXT NOT NULL,
  page_count   INTEGER NOT NULL CHECK (page_count >= 1),
  status       TEXT NOT NULL DEFAULT 'imported'
               CHECK (status IN ('imported','text_ready','suggested','reviewed','approved')),
  warnings     TEXT NOT NULL DEFAULT '[]',            -- JSON array of warning codes
  -- Copies of the current header fields and decision, kept only so that search filters and the
  -- library list stay index lookups at 100 000 documents. Written in the same transaction as
  -- header_fields / decisions by the repositories, never by hand.
  doc_type     TEXT,
  issuer       TEXT,
  issued_date  TEXT,                                  -- ISO yyyy-mm-dd
  number_notation TEXT,
  subject      TEXT,
  access_class TEXT CHECK (access_class IN ('public','conditional','secret')),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX documents_status ON documents(status);
CREATE INDEX documents_doc_type ON documents(doc_type);
CREATE INDEX documents_issuer ON documents(issuer);
CREATE INDEX documents_issued_date ON documents(issued_date);
CREATE INDEX documents_access_class ON documents(access_class);

CREATE TABLE pages (
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  n            INTEGER NOT NULL CHECK (n >= 1),
  text         TEXT,                                  -- NFC
  source       TEXT CHECK (source IN ('text-layer','ocr')),
  confidence   REAL,                                  -- 0..100, mean word confidence for OCR
  words        TEXT,                                  -- JSON [{text, x0, y0, x1, y1, confidence}]
  width        INTEGER,                               -- pixels (images) or points (PDF)
  height       INTEGER,
  image_sha256 TEXT REFERENCES files(sha256),         -- corrected page image for viewing
  orientation  INTEGER CHECK (orientation IN (0, 90, 180, 270)),
  skew         REAL,
  ocr_state    TEXT NOT NULL DEFAULT 'pending'
               CHECK (ocr_state IN ('pending','done','failed','skipped')),
  ocr_engine   TEXT,
  ocr_error    TEXT,
  low_confidence INTEGER NOT NULL DEFAULT 0,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (document_id, n)
) STRICT;
CREATE INDEX pages_ocr_state ON pages(ocr_state);

CREATE TABLE header_fields (
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  key          TEXT NOT NULL,
  value        TEXT,
  confidence   REAL,
  page         INTEGER,
  span_start   INTEGER,
  span_end     INTEGER,
  corrected_by TEXT,                                  -- set when a person corrected the value
  corrected_at TEXT,
  PRIMARY KEY (document_id, key)
) STRICT;

-- Evidence found in the text: stamps, personal data, internal-document markers.
CREATE TABLE findings (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  page         INTEGER NOT NULL,
  span_start   INTEGER NOT NULL,
  span_end     INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  text         TEXT NOT NULL,
  rule         TEXT
) STRICT;
CREATE INDEX findings_document ON findings(document_id);

CREATE TABLE suggestions (
  document_id    INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  access_class   TEXT CHECK (access_class IN ('public','conditional','secret')), -- NULL = needs review
  basis_id       TEXT,
  basis_version  TEXT,
  reasons        TEXT NOT NULL DEFAULT '[]',          -- JSON [{text, page, rule}]
  engine_version TEXT NOT NULL,
  created_at     TEXT NOT NULL
) STRICT;

-- Decisions are never updated: a change is a new row that supersedes the previous one.
CREATE TABLE decisions (
  id            INTEGER PRIMARY KEY,
  document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  access_class  TEXT NOT NULL CHECK (access_class IN ('public','conditional','secret')),
  basis_id      TEXT NOT NULL,
  basis_version TEXT NOT NULL,
  reviewer      TEXT NOT NULL,
  note          TEXT,
  approved      INTEGER NOT NULL DEFAULT 0,
  decided_at    TEXT NOT NULL,
  supersedes    INTEGER REFERENCES decisions(id)
) STRICT;
CREATE INDEX decisions_document ON decisions(document_id, id);

-- Append-only, hash-chained event log.
CREATE TABLE audit (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  document_id INTEGER,
  payload     TEXT NOT NULL DEFAULT '{}',
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
) STRICT;
CREATE INDEX audit_document ON audit(document_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
  SELECT RAISE(ABORT, 'audit is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
  SELECT RAISE(ABORT, 'audit is append-only');
END;

-- Durable job queue: long work (import, OCR, export) survives a crash or restart.
CREATE TABLE jobs (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL,
  payload        TEXT NOT NULL DEFAULT '{}',
  state          TEXT NOT NULL DEFAULT 'queued'
                 CHECK (state IN ('queued','running','done','failed','cancelled')),
  progress_done  INTEGER NOT NULL DEFAULT 0,
  progress_total INTEGER NOT NULL DEFAULT 0,
  attempts       INTEGER NOT NULL DEFAULT 0,
  error          TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX jobs_state ON jobs(state);

-- One row per unit of work in a job (a file to import, a page to OCR), so a resumed job skips
-- what is done and every failure is kept with its item.
CREATE TABLE job_items (
  job_id      INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  item_key    TEXT NOT NULL,
  state       TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued','running','done','failed','cancelled')),
  error_code  TEXT,
  error       TEXT,
  result      TEXT,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (job_id, item_key)
) STRICT;

-- Full-text search: one row per document, rowid = documents.id. `head` holds the file name and
-- header fields, `body` the text of every page. Only folded text is stored (contentless); the
-- original text for snippets is read from pages and header_fields. The header text is indexed a
-- second time on its own: "all words in the header" then walks short doclists instead of
-- checking column positions across every body match.
-- prefix = '2 3': search as you type ("tiep ca…") reads one stored doclist instead of merging
-- every word that starts with the prefix (70 ms → 0.1 ms at 100 000 documents).
CREATE VIRTUAL TABLE search_index USING fts5(
  head,
  body,
  content = '',
  contentless_delete = 1,
  prefix = '2 3',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_head USING fts5(
  head,
  content = '',
  contentless_delete = 1,
  prefix = '2 3',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
