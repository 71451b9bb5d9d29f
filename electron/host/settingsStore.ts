import { readFileSync } from 'node:fs';
import os from 'node:os';
import { writeFileAtomic } from '../engine/archive/fileStore';
import { PipelineSettings, Settings, type SettingsPatch } from '../../shared/contract/settings';

export function defaultSettings(dataDir: string): Settings {
  return {
    dataDir,
    ocrLanguages: ['vie'],
    ocrWorkers: Math.min(2, Math.max(1, os.availableParallelism())),
    autoOcr: true,
    scanInbox: null,
    // Asked for at first start (the renderer's first-start dialog): the OS account ("root",
    // "admin") names no one in an audit trail.
    reviewerName: '',
    language: 'vi',
  };
}

/** Where the settings the engine honours live (the archive: engine.pipelineSettings()). */
export interface PipelineSettingsBacking {
  read(): PipelineSettings;
  write(patch: Partial<PipelineSettings>): PipelineSettings;
  /** Names of the settings the archive already has a value for. */
  stored(): (keyof PipelineSettings)[];
}

const PIPELINE_KEYS = Object.keys(PipelineSettings.shape) as (keyof PipelineSettings)[];

/**
 * The user's settings in one JSON file outside the data folder (the data folder is itself a
 * setting). Unknown or invalid values fall back to defaults field by field, so a hand-edited file
 * never stops the app from starting. The settings the engine honours (automatic OCR, OCR
 * languages and workers) are the archive's once `useEngine` is called: read from and written to
 * it, so the CLI and the app agree and the engine applies them live.
 */
export class SettingsStore {
  private current: Settings;
  private engine: PipelineSettingsBacking | null = null;

  constructor(
    private readonly file: string,
    defaults: Settings,
  ) {
    this.current = { ...defaults, ...readValidFields(file) };
  }

  /** Hands the engine's settings to the engine. Values this file had before the engine kept them
   *  (older versions) move into the archive once. */
  useEngine(engine: PipelineSettingsBacking): void {
    const stored = new Set(engine.stored());
    const fromFile = readValidFields(this.file);
    const move = Object.fromEntries(PIPELINE_KEYS.filter((k) => !stored.has(k) && fromFile[k] !== undefined).map((k) => [k, fromFile[k]]));
    if (Object.keys(move).length > 0) engine.write(move);
    this.engine = engine;
  }

  get(): Settings {
    return structuredClone({ ...this.current, ...(this.engine?.read() ?? {}) });
  }

  async update(patch: SettingsPatch): Promise<{ settings: Settings; changed: (keyof Settings)[] }> {
    const before = this.get();
    const next = Settings.parse({ ...before, ...patch });
    const changed = (Object.keys(next) as (keyof Settings)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]));
    if (this.engine) {
      const enginePatch = Object.fromEntries(PIPELINE_KEYS.filter((k) => changed.includes(k)).map((k) => [k, next[k]]));
      if (Object.keys(enginePatch).length > 0) this.engine.write(enginePatch);
    }
    this.current = next;
    if (changed.some((k) => !this.engine || !(PIPELINE_KEYS as string[]).includes(k)))
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
