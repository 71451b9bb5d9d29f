/**
 * The settings the engine honours itself, kept in the archive (`settings` table, keys
 * `pipeline.<name>`, JSON values) so the app, the preview and the CLI read the same ones:
 * automatic OCR after import, OCR languages (passed to tesseract) and OCR workers. Validated with
 * the contract's zod schema field by field: a bad stored value falls back to its default.
 */
import os from 'node:os';
import type { Db } from '../archive/database';
import { PipelineSettings } from '../../../shared/contract/settings';

export type { PipelineSettings };

export function defaultPipelineSettings(): PipelineSettings {
  return { autoOcr: true, ocrLanguages: ['vie'], ocrWorkers: Math.min(2, Math.max(1, os.availableParallelism())) };
}

const KEYS = Object.keys(PipelineSettings.shape) as (keyof PipelineSettings)[];
const PREFIX = 'pipeline.';

export function readPipelineSettings(db: Db): PipelineSettings {
  const out = defaultPipelineSettings() as Record<string, unknown>;
  const rows = db.prepare(`SELECT key, value FROM settings WHERE key LIKE 'pipeline.%'`).all() as { key: string; value: string }[];
  for (const row of rows) {
    const key = row.key.slice(PREFIX.length) as keyof PipelineSettings;
    if (!KEYS.includes(key)) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(row.value);
    } catch {
      continue;
    }
    const parsed = PipelineSettings.shape[key].safeParse(raw);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as PipelineSettings;
}

/** Validates and stores a change; returns the names of the settings that changed. */
export function writePipelineSettings(db: Db, patch: Partial<PipelineSettings>): (keyof PipelineSettings)[] {
  const checked = PipelineSettings.partial().parse(patch);
  const before = readPipelineSettings(db);
  const changed = KEYS.filter((k) => checked[k] !== undefined && JSON.stringify(checked[k]) !== JSON.stringify(before[k]));
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const k of changed) upsert.run(PREFIX + k, JSON.stringify(checked[k]));
  }).immediate();
  return changed;
}

/** Whether the archive has a stored value for each setting (the app moves old ones in once). */
export function storedPipelineKeys(db: Db): (keyof PipelineSettings)[] {
  const rows = db.prepare(`SELECT key FROM settings WHERE key LIKE 'pipeline.%'`).all() as { key: string }[];
  return rows.map((r) => r.key.slice(PREFIX.length) as keyof PipelineSettings).filter((k) => KEYS.includes(k));
}

/** The tesseract language string for the setting: Vietnamese first ("vie+eng"). */
export function tesseractLanguages(languages: readonly string[]): string {
  const order = ['vie', 'eng'];
  return [...new Set(languages)].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join('+');
}
