-- The review desk (issue 13): where a decision row came from, which rows were made together, and
-- rows that withdraw a decision (undo of a document's first decision: "no decision in force").
-- A withdrawn row is never approved, so nothing reads it as publishable.
ALTER TABLE decisions ADD COLUMN origin TEXT NOT NULL DEFAULT 'single'
  CHECK (origin IN ('single','group','bulk','undo'));
-- Rows made in one group decision share the id of the batch's first row.
ALTER TABLE decisions ADD COLUMN batch INTEGER;
ALTER TABLE decisions ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0
  CHECK (withdrawn IN (0, 1) AND (withdrawn = 0 OR approved = 0));
CREATE INDEX decisions_reviewer ON decisions(reviewer, id);
UPDATE decisions SET origin = 'bulk' WHERE note = 'Phê duyệt đề xuất (hàng loạt)';
