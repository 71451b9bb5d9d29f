import { readFileSync } from 'node:fs';
import os from 'node:os';
import { writeFileAtomic } from '../engine/archive/fileStore';
import { Settings, type SettingsPatch } from '../../shared/contract/settings';

export function defaultSettings(dataDir: string): Settings {
  return {
    dataDir,
    ocrLanguages: ['vie'],
    ocrWorkers: Math.min(2, Math.max(1, os.availableParallelism())),
    scanInbox: null,
    // Asked for at first start (the renderer's first-start dialog): the OS account ("root",
    // "admin") names no one in an audit trail.
    reviewerName: '',
    language: 'vi',
  };
}

/**
 * The user's settings in one JSON file outside the data folder (the data folder is itself a
 * setting). Unknown or invalid values fall back to defaults field by field, so a hand-edited file
 * never stops the app from starting.
 */
export class SettingsStore {
  private current: Settings;

  constructor(
    private readonly file: string,
    defaults: Settings,
  ) {
    this.current = { ...defaults, ...readValidFields(file) };
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  async update(patch: SettingsPatch): Promise<{ settings: Settings; changed: (keyof Settings)[] }> {
    const next = Settings.parse({ ...this.current, ...patch });
    const changed = (Object.keys(next) as (keyof Settings)[]).filter(
      (k) => JSON.stringify(next[k]) !== JSON.stringify(this.current[k]),
    );
    this.current = next;
    if (changed.length > 0)
      await writeFileAtomic(this.file, Buffer.from(JSON.stringify(next, null, 2) + '\n', 'utf8'));
    return { settings: this.get(), changed };
  }
}

function readValidFields(file: string): Partial<Settings> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(Settings.shape)) {
    const parsed = schema.safeParse((raw as Record<string, unknown>)[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Partial<Settings>;
}
