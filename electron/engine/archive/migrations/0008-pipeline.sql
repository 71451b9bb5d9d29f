-- The pipeline runs itself (issue 11): one job runner with leases, follow-up jobs, copies of one
-- document, and header fields a person must check before publication.

-- Lease: the process that runs a job ("<host>/<pid>/<nonce>") and when it last said it was alive
-- (ms since the epoch). Another process takes a job over only when its owner is gone.
ALTER TABLE jobs ADD COLUMN owner TEXT;
ALTER TABLE jobs ADD COLUMN heartbeat_at INTEGER;
-- The job whose results queued this one (an import's OCR follow-up), for the Jobs screen.
ALTER TABLE jobs ADD COLUMN parent_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL;
ALTER TABLE jobs ADD COLUMN started_at TEXT;
ALTER TABLE jobs ADD COLUMN finished_at TEXT;

-- The document an item works on (when it has one), for job views and "is it queued already".
ALTER TABLE job_items ADD COLUMN document_id INTEGER;
CREATE INDEX job_items_state ON job_items(job_id, state);
CREATE INDEX job_items_document ON job_items(document_id, state) WHERE document_id IS NOT NULL;
CREATE INDEX jobs_kind_state ON jobs(kind, state);

-- When header extraction last ran on the document's current text (NULL: it has to run). Cleared
-- whenever the text changes, so the pipeline never re-reads a header it has already stored.
ALTER TABLE documents ADD COLUMN extracted_at TEXT;
UPDATE documents SET extracted_at = updated_at
 WHERE EXISTS (SELECT 1 FROM header_fields h WHERE h.document_id = documents.id);

-- Copies of one document (a scan and its born-digital PDF): the folded number/notation, issuer
-- and issue date, written with the header fields. Documents sharing a key are copies.
ALTER TABLE documents ADD COLUMN copy_key TEXT;
CREATE INDEX documents_copy_key ON documents(copy_key) WHERE copy_key IS NOT NULL;

-- What OCR made of the words a header field was read from (its weakest word's confidence, 0..100), and a
-- person's confirmation that an unsure value is right ("cần kiểm tra" → checked).
ALTER TABLE header_fields ADD COLUMN ocr_confidence REAL;
ALTER TABLE header_fields ADD COLUMN confirmed_by TEXT;
ALTER TABLE header_fields ADD COLUMN confirmed_at TEXT;

-- OCR items are keyed "<document>:<page>": give the ones already queued their document.
UPDATE job_items SET document_id = CAST(substr(item_key, 1, instr(item_key, ':') - 1) AS INTEGER)
 WHERE instr(item_key, ':') > 0 AND job_id IN (SELECT id FROM jobs WHERE kind = 'ocr');
