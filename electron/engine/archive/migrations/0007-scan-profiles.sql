-- Named scan profiles (Settings → Scan profiles; `minhbach scan --profile NAME`). The settings are
-- the JSON of shared/contract/scanning.ts ScanSettings, validated by the engine on read and write.
CREATE TABLE scan_profiles (
  name       TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 80),
  settings   TEXT NOT NULL CHECK (json_valid(settings)),
  updated_at TEXT NOT NULL
) STRICT;
