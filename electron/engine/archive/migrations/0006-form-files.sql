-- Agency request forms (01a–06) are stored files like any other: give each its `files` row, so
-- backup copies them, verify re-hashes them and the orphan check knows them. (Before this version
-- they were in the store with only a settings row pointing at them.)
INSERT OR IGNORE INTO files (sha256, size, mime, created_at)
SELECT json_extract(value, '$.sha256'),
       json_extract(value, '$.size'),
       CASE json_extract(value, '$.ext')
         WHEN 'pdf' THEN 'application/pdf'
         WHEN 'doc' THEN 'application/msword'
         ELSE 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
       END,
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM settings
 WHERE key LIKE 'agency.form.%'
   AND json_valid(value)
   AND json_type(value, '$.sha256') = 'text'
   AND length(json_extract(value, '$.sha256')) = 64
   AND json_type(value, '$.size') = 'integer'
   AND json_extract(value, '$.size') >= 0;
