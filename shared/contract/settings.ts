import { z } from 'zod';

export const OCR_LANGUAGES = ['vie', 'eng'] as const;
export const UI_LANGUAGES = ['vi', 'en'] as const;

export const Settings = z.object({
  /** Where the archive lives; a change takes effect after a restart. */
  dataDir: z.string().min(1),
  ocrLanguages: z.array(z.enum(OCR_LANGUAGES)).min(1),
  ocrWorkers: z.number().int().min(1).max(8),
  /** Queue OCR for pages without text as soon as a file is imported. */
  autoOcr: z.boolean(),
  /** Folder the office scanner saves into; null when not watched. */
  scanInbox: z.string().min(1).nullable(),
  /** Recorded as the actor of corrections and decisions. */
  reviewerName: z.string().max(200),
  language: z.enum(UI_LANGUAGES),
});
export type Settings = z.infer<typeof Settings>;

/** The settings the engine honours itself (kept in the archive, engine/pipeline/settings.ts):
 *  automatic OCR, OCR languages (they reach tesseract), OCR workers. Applied live. */
export const PipelineSettings = Settings.pick({ autoOcr: true, ocrLanguages: true, ocrWorkers: true });
export type PipelineSettings = z.infer<typeof PipelineSettings>;

export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const SettingsResult = z.object({
  settings: Settings,
  /** True when a changed value (the data folder) needs the app to restart. */
  restartRequired: z.boolean(),
  /** Whether the scan inbox is being watched right now. */
  scanInboxActive: z.boolean(),
});
export type SettingsResult = z.infer<typeof SettingsResult>;

export const settings = {
  'settings:get': { input: z.object({}), output: SettingsResult, hosts: 'all' },
  'settings:set': { input: SettingsPatch, output: SettingsResult, hosts: 'all' },
  /** Native folder dialog for the data folder or the scan inbox; null when cancelled. */
  'settings:chooseFolder': {
    input: z.object({}),
    output: z.object({ path: z.string().nullable() }),
    hosts: 'electron',
  },
} as const;
