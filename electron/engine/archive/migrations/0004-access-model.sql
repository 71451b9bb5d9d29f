-- Issue 10: suggestions say who proposed them (the law's rules or the agency's model), and the
-- model that learns from the agency's approved decisions lives in the archive.

ALTER TABLE suggestions ADD COLUMN source TEXT CHECK (source IN ('rules','model'));
ALTER TABLE suggestions ADD COLUMN confidence REAL CHECK (confidence BETWEEN 0 AND 1);

-- The access-suggestion model. 'starter' is a model imported from elsewhere (a province's shared
-- model), kept as it came; 'current' is what suggestions use: the starter plus every approved
-- decision of this archive. `data` is the JSON envelope (model/modelFile.ts).
CREATE TABLE access_model (
  slot        TEXT PRIMARY KEY CHECK (slot IN ('starter','current')),
  data        TEXT NOT NULL,
  examples    INTEGER NOT NULL CHECK (examples >= 0),
  source      TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

-- What the current model has learned: one labelled example per document (its latest approved
-- decision). A decision that changes a learned label makes the next update a full retrain.
CREATE TABLE access_model_examples (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  decision_id INTEGER NOT NULL,
  label       TEXT NOT NULL
) STRICT;
