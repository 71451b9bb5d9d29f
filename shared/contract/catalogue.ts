import { z } from 'zod';

/** `other-copy-published`: another file of the same document is published instead (a scan beside
 *  its born-digital PDF); `copies-disagree`: copies of one document carry different decisions. */
export const HELD_BACK_REASONS = [
  'secrecy-marking',
  'basis-unknown',
  'basis-class-mismatch',
  'period-ended',
  'basis-outdated',
  'personal-data',
  'other-copy-published',
  'copies-disagree',
  'redaction-changed',
] as const;
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

/** How many entries of each catalogue the Export screen lists before the confirm button. */
export const LISTED_ENTRIES = 300;

/** What each catalogue will list, in catalogue order (the first LISTED_ENTRIES of each). A
 *  conditional entry carries no document id, as in the exporter (catalogue/types.ts). */
export const PublishedListing = z.object({
  public: z.object({
    total: z.number().int(),
    /** Art. 17 groups with their number of entries, in catalogue order. */
    groups: z.array(z.object({ label: z.string(), title: z.string(), count: z.number().int() })),
    items: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        numberNotation: z.string().nullable(),
        issuedDate: z.string().nullable(),
        group: z.string(),
        until: z.string().nullable(),
      }),
    ),
  }),
  conditional: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        title: z.string(),
        numberNotation: z.string().nullable(),
        issuedDate: z.string().nullable(),
        condition: z.string(),
      }),
    ),
  }),
});
export type PublishedListing = z.infer<typeof PublishedListing>;

/** What an export would publish now, and what it would not (with the reason). */
export const ExportPlanResult = z.object({
  counts: ExportCounts,
  /** Approved but held back by the exporter's guards. */
  heldBack: z.array(DocumentRef.extend({ reason: z.enum(HELD_BACK_REASONS) })),
  /** Not decided (or only drafted): never published; the first 200. */
  undecided: z.array(DocumentRef),
  /** Where the export goes on this host: null in the desktop app (the user chooses a folder). */
  defaultOut: z.string().nullable(),
  /** What each catalogue will list. */
  listing: PublishedListing,
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
