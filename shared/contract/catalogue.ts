import { z } from 'zod';

export const HELD_BACK_REASONS = ['secrecy-marking', 'basis-unknown', 'basis-class-mismatch', 'period-ended', 'basis-outdated', 'personal-data', 'redaction-changed'] as const;
export type HeldBackReason = (typeof HELD_BACK_REASONS)[number];

const DocumentRef = z.object({
  id: z.number().int(),
  title: z.string(),
  numberNotation: z.string().nullable(),
});

export const ExportCounts = z.object({
  documents: z.number().int(),
  public: z.number().int(),
  conditional: z.number().int(),
  secret: z.number().int(),
  undecided: z.number().int(),
  expired: z.number().int(),
});

/** What an export would publish now, and what it would not (with the reason). */
export const ExportPlanResult = z.object({
  counts: ExportCounts,
  /** Approved but held back by the exporter's guards. */
  heldBack: z.array(DocumentRef.extend({ reason: z.enum(HELD_BACK_REASONS) })),
  /** Not decided (or only drafted): never published; the first 200. */
  undecided: z.array(DocumentRef),
  /** Where the export goes on this host: null in the desktop app (the user chooses a folder). */
  defaultOut: z.string().nullable(),
});
export type ExportPlanResult = z.infer<typeof ExportPlanResult>;

export const ExportRunResult = z.object({
  out: z.string(),
  counts: ExportCounts,
  heldBack: z.number().int(),
  files: z.number().int(),
  written: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
  seconds: z.number(),
  warnings: z.array(z.string()),
});
export type ExportRunResult = z.infer<typeof ExportRunResult>;

export const catalogue = {
  'export:plan': { input: z.object({}), output: ExportPlanResult, hosts: 'all' },
  /** Desktop: `out` is the folder chosen in the native dialog (settings:chooseFolder). Preview:
   *  `out` is ignored; the site goes to a folder inside the data folder. */
  'export:run': {
    input: z.object({ out: z.string().min(1).nullable().default(null) }),
    output: ExportRunResult,
    hosts: 'all',
  },
} as const;
