-- Requests for information (Law on Access to Information, Chapter III), consents for conditional
-- information (Art. 7) and the notices generated for them. Requester and consenting-person
-- columns are personal data: staff-only, never exported to the site, never written to the logs
-- or the audit payloads (the audit names the request id and what changed, not who asked).

CREATE TABLE requests (
  id                INTEGER PRIMARY KEY,
  received_date     TEXT NOT NULL CHECK (received_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  channel           TEXT NOT NULL,
  requester_kind    TEXT NOT NULL CHECK (requester_kind IN ('citizen','organisation')),
  requester_name    TEXT NOT NULL,
  requester_contact TEXT,                              -- address, e-mail or phone as given
  requester_id_no   TEXT,                              -- citizen ID / passport, when given
  subject           TEXT NOT NULL,
  complex           INTEGER NOT NULL DEFAULT 0 CHECK (complex IN (0,1)),
  assignee          TEXT,
  status            TEXT NOT NULL DEFAULT 'received'
                    CHECK (status IN ('received','in_progress','answered','partly_answered','refused','withdrawn')),
  -- The rules version (request-rules.json) in force on the received date: decides the limits.
  law_version       TEXT NOT NULL,
  due_date          TEXT NOT NULL,
  extended          INTEGER NOT NULL DEFAULT 0 CHECK (extended IN (0,1)),
  extension_reason  TEXT,
  answered_date     TEXT,
  outcome_bases     TEXT NOT NULL DEFAULT '[]',         -- JSON array of basis codes (refusal grounds)
  outcome_note      TEXT,
  fees              TEXT NOT NULL DEFAULT '[]',         -- JSON [{kind, amount}] in VND
  reviewer          TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX requests_open_due ON requests(status, due_date);
CREATE INDEX requests_received ON requests(received_date);

CREATE TABLE request_documents (
  request_id  INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  provided    INTEGER NOT NULL DEFAULT 0 CHECK (provided IN (0,1)),
  PRIMARY KEY (request_id, document_id)
) STRICT;
CREATE INDEX request_documents_document ON request_documents(document_id);

CREATE TABLE consents (
  id            INTEGER PRIMARY KEY,
  person_name   TEXT NOT NULL,
  person_kind   TEXT NOT NULL CHECK (person_kind IN ('person','business')),
  scope         TEXT NOT NULL,
  given_date    TEXT NOT NULL,
  valid_until   TEXT,                                   -- last day it is valid; NULL = no end
  -- The scanned consent letter, in the content-addressed store (and the files table, so verify
  -- and backup cover it). Deliberately not a row of `documents`: it must never be reviewed,
  -- searched or published.
  scan_sha256   TEXT REFERENCES files(sha256),
  scan_name     TEXT,
  revoked_date  TEXT,
  recorded_by   TEXT NOT NULL,
  created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE consent_documents (
  consent_id  INTEGER NOT NULL REFERENCES consents(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  PRIMARY KEY (consent_id, document_id)
) STRICT;
CREATE INDEX consent_documents_document ON consent_documents(document_id);

-- Generated notices (acceptance, extension, refusal, provision): DOCX and PDF in the store.
CREATE TABLE request_notices (
  id          INTEGER PRIMARY KEY,
  request_id  INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('acceptance','extension','refusal','provision')),
  docx_sha256 TEXT NOT NULL REFERENCES files(sha256),
  pdf_sha256  TEXT NOT NULL REFERENCES files(sha256),
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX request_notices_request ON request_notices(request_id);
