import { z } from 'zod';
import { StoredForm } from './agencyForms';
import { YearAnnouncement } from '../requests/workingCalendar';
import { PipelineSettings } from '../../../shared/contract/settings';

// The `settings` table of an archive (agency details, disclosure periods, request forms), key by
// key. A restored archive may hold only these keys with values of these shapes: anything else in a
// backup was not written by Minh Bạch. A module that adds a setting adds its key here.

// eslint-disable-next-line no-control-regex
const Text = z.string().max(2000).regex(/^[^\u0000-\u0008\u000b-\u001f\u007f]*$/, 'control characters');
const JsonOf = <T extends z.ZodType>(schema: T) =>
  z.string().transform((value, ctx) => {
    try {
      return schema.parse(JSON.parse(value));
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not the expected JSON' });
      return z.NEVER;
    }
  });

export const SETTING_VALUES: [key: RegExp, value: z.ZodType][] = [
  [/^agency\.(name|address|focal\.name|focal\.position|focal\.phone|focal\.email|request_address|feedback_address)$/, Text],
  [/^site\.url$/, z.string().max(2000).regex(/^https?:\/\/[^\s<>"]+$/)],
  [/^disclosure\.default_months$/, z.string().regex(/^[1-9]\d{0,3}$/)],
  [/^disclosure\.until\.[1-9]\d*$/, z.string().regex(/^\d{4}-\d{2}-\d{2}$/)],
  [/^agency\.form\.(01a|01b|02|03|04|05|06)$/, JsonOf(StoredForm)],
  // A year's announced days off and make-up working days (requests/workingCalendar.ts).
  [/^calendar\.year\.(199\d|2[01]\d\d)$/, JsonOf(YearAnnouncement)],
  // What the pipeline honours (pipeline/settings.ts): automatic OCR, OCR languages and workers.
  [/^pipeline\.autoOcr$/, JsonOf(PipelineSettings.shape.autoOcr)],
  [/^pipeline\.ocrLanguages$/, JsonOf(PipelineSettings.shape.ocrLanguages)],
  [/^pipeline\.ocrWorkers$/, JsonOf(PipelineSettings.shape.ocrWorkers)],
];

/** Problems with the settings rows (English, one per row): unknown keys, malformed values. */
export function checkSettingsRows(rows: { key: string; value: unknown }[]): string[] {
  const problems: string[] = [];
  for (const { key, value } of rows) {
    const rule = SETTING_VALUES.find(([pattern]) => pattern.test(key));
    if (!rule) {
      problems.push(`unknown setting ${JSON.stringify(key.slice(0, 80))}`);
      continue;
    }
    const parsed = rule[1].safeParse(value);
    if (!parsed.success) problems.push(`setting ${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return problems;
}
