import { z } from 'zod';
import { ErrorInfo, ImportResult } from './schemas';

/** A scanner as a driver lists it. `id` is what the driver opens: a SANE device name
 *  (`test:0`, `escl:http://192.168.1.20:80`, `airscan:e0:…`) or a WIA device id. */
export const ScanDevice = z.object({
  id: z.string().min(1).max(1000),
  vendor: z.string(),
  model: z.string(),
  type: z.string(),
  driver: z.enum(['sane', 'wia']),
});
export type ScanDevice = z.infer<typeof ScanDevice>;

export const SCAN_SOURCES = ['flatbed', 'adf'] as const;
export const COLOUR_MODES = ['grey', 'colour', 'lineart'] as const;
export const PAGE_SIZES = ['a4', 'a3', 'letter', 'legal', 'max'] as const;
export const SPLIT_MODES = ['none', 'blank', 'qr'] as const;

/** What one device can do, read from its own option list. */
export const DeviceCapabilities = z.object({
  device: z.string(),
  sources: z.array(z.enum(SCAN_SOURCES)),
  duplex: z.boolean(),
  colourModes: z.array(z.enum(COLOUR_MODES)),
  /** Discrete resolutions, or the ends of a range. */
  resolutions: z.array(z.number()),
  resolutionRange: z.object({ min: z.number(), max: z.number() }).nullable(),
  /** Largest scan area in millimetres, when the device reports one. */
  maxWidthMm: z.number().nullable(),
  maxHeightMm: z.number().nullable(),
  /** Every option the device has (backend-specific ones may go in a profile's backendOptions). */
  optionNames: z.array(z.string()),
});
export type DeviceCapabilities = z.infer<typeof DeviceCapabilities>;

const backendOptionName = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/);

/** Scan settings; a named profile in Settings is the same thing with its name. */
export const ScanSettings = z.object({
  /** Device id; null = the first device found. */
  device: z.string().min(1).max(1000).nullable().default(null),
  source: z.enum(SCAN_SOURCES).default('adf'),
  duplex: z.boolean().default(false),
  /** 300 grey by default; 200 is the legal minimum most agencies use. */
  dpi: z.number().int().min(50).max(1200).default(300),
  colour: z.enum(COLOUR_MODES).default('grey'),
  pageSize: z.enum(PAGE_SIZES).default('a4'),
  removeBlank: z.boolean().default(true),
  split: z.enum(SPLIT_MODES).default('none'),
  /** Expert: backend options passed as `--name=value` (only names the device lists). */
  backendOptions: z.record(backendOptionName, z.string().max(200).regex(/^[^\r\n\0]*$/)).default({}),
});
export type ScanSettings = z.infer<typeof ScanSettings>;
export type ScanSettingsInput = z.input<typeof ScanSettings>;

export const ScanProfile = ScanSettings.extend({ name: z.string().trim().min(1).max(80) });
export type ScanProfile = z.infer<typeof ScanProfile>;

export const BatchId = z.string().regex(/^[a-z0-9-]{8,64}$/);

/** How a page of a batch was judged before the batch becomes documents. */
export const BatchPage = z.object({
  n: z.number().int().min(1),
  /** Share of the page (0..1) covered by ink after the paper, specks and show-through are set aside. */
  ink: z.number().nullable(),
  blank: z.boolean().nullable(),
  separator: z.boolean().nullable(),
});
export type BatchPage = z.infer<typeof BatchPage>;

export const PlannedDocument = z.object({ pages: z.array(z.number().int()) });

export const BatchView = z.object({
  id: BatchId,
  origin: z.enum(['scanner', 'camera']),
  state: z.enum(['scanning', 'open', 'archived', 'discarded']),
  device: z.string().nullable(),
  settings: ScanSettings,
  createdAt: z.string(),
  /** The page being scanned (1-based within the batch) and how far it is (0..100). */
  progress: z.object({ page: z.number().int(), percent: z.number() }).nullable(),
  pages: z.array(BatchPage),
  /** What "save to archive" would make now: documents (page numbers) and pages left out. */
  plan: z.object({
    documents: z.array(PlannedDocument),
    dropped: z.array(z.object({ n: z.number().int(), reason: z.enum(['blank', 'separator']) })),
  }),
  /** The last scan's problem, in Vietnamese, with the pages kept so far. */
  lastError: ErrorInfo.nullable(),
  /** Set once archived: the import results, one per document. */
  results: z.array(ImportResult),
});
export type BatchView = z.infer<typeof BatchView>;

export const Corners = z
  .array(z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }))
  .length(4);
export type Corners = z.infer<typeof Corners>;

/** A camera frame as base64 (JPEG or PNG), at most ~30 MB. */
const FrameBase64 = z.string().min(16).max(40_000_000);

export const scanning = {
  'scan:devices': {
    input: z.object({ refresh: z.boolean().default(false) }),
    output: z.object({ devices: z.array(ScanDevice), error: ErrorInfo.nullable() }),
    hosts: 'all',
  },
  'scan:capabilities': { input: z.object({ device: z.string().min(1).max(1000) }), output: DeviceCapabilities, hosts: 'all' },
  'scan:profiles': { input: z.object({}), output: z.array(ScanProfile), hosts: 'all' },
  'scan:saveProfile': { input: ScanProfile, output: z.array(ScanProfile), hosts: 'all' },
  'scan:deleteProfile': { input: z.object({ name: z.string().min(1).max(80) }), output: z.array(ScanProfile), hosts: 'all' },
  /** Starts scanning into a new batch, or more pages into an open one; returns at once. */
  'scan:start': {
    input: z.object({ settings: ScanSettings, batchId: BatchId.optional() }),
    output: BatchView,
    hosts: 'all',
  },
  'scan:cancel': { input: z.object({ batchId: BatchId }), output: BatchView, hosts: 'all' },
  'scan:batch': { input: z.object({ batchId: BatchId }), output: BatchView, hosts: 'all' },
  /** Batches not yet archived (pages kept after a fault, a crash or a cancel). */
  'scan:batches': { input: z.object({}), output: z.array(BatchView), hosts: 'all' },
  'scan:pageImage': {
    input: z.object({ batchId: BatchId, page: z.number().int().min(1), size: z.number().int().min(64).max(2000).default(240) }),
    output: z.object({ mime: z.literal('image/jpeg'), base64: z.string() }),
    hosts: 'all',
  },
  'scan:removePage': { input: z.object({ batchId: BatchId, page: z.number().int().min(1) }), output: BatchView, hosts: 'all' },
  /** Blank removal and splitting as chosen, one stored PDF per document, imported; OCR follows. */
  'scan:archive': {
    input: z.object({
      batchId: BatchId,
      removeBlank: z.boolean().optional(),
      split: z.enum(SPLIT_MODES).optional(),
    }),
    output: BatchView,
    hosts: 'all',
  },
  'scan:discard': { input: z.object({ batchId: BatchId }), output: z.object({ discarded: z.boolean() }), hosts: 'all' },
  /** The printable separator sheet (PDF with the QR code the splitter looks for). */
  'scan:separatorSheet': { input: z.object({}), output: z.object({ base64: z.string() }), hosts: 'all' },
  /** Page edges found in a camera frame (corners as fractions of width/height), or null. */
  'camera:detect': {
    input: z.object({ image: FrameBase64 }),
    output: z.object({ corners: Corners.nullable(), width: z.number().int(), height: z.number().int() }),
    hosts: 'all',
  },
  /** Straightens the frame to the given corners and adds it as the next page of a camera batch. */
  'camera:addPage': {
    input: z.object({ image: FrameBase64, corners: Corners, batchId: BatchId.optional() }),
    output: BatchView,
    hosts: 'all',
  },
} as const;
