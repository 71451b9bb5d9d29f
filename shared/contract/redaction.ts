import { z } from 'zod';
import { Id } from './schemas';

/** Partial disclosure (issue 14): redaction regions of a document and its redacted file. Boxes are
 *  fractions of the page image the viewer shows (documents:pageImage). */

export const RegionBox = z.object({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  w: z.number().min(0).max(1),
  h: z.number().min(0).max(1),
});
export type RegionBox = z.infer<typeof RegionBox>;

export const REGION_STATES = ['proposed', 'accepted', 'removed'] as const;
export const RegionStateSchema = z.enum(REGION_STATES);
export type RegionState = z.infer<typeof RegionStateSchema>;

export const RedactionRegion = z.object({
  id: Id,
  page: z.number().int().min(1),
  /** Empty: a proposal the tools could not place on the page (the reviewer draws it). */
  boxes: z.array(RegionBox),
  state: RegionStateSchema,
  /** From a finding, drawn on the image, or a selected text span. */
  origin: z.enum(['finding', 'drawn', 'text']),
  /** A personal-data kind (Decree 356/2025: 'cccd', 'name', …), 'protected' or 'other'. */
  category: z.string(),
  basisId: z.string(),
  basisVersion: z.string(),
  /** The ground's short label painted on the box ("Đ7.K2"). */
  label: z.string(),
  /** The words it removes, when known. */
  text: z.string().nullable(),
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
});
export type RedactionRegion = z.infer<typeof RedactionRegion>;

export const RegionGround = z.object({
  basisId: z.string(),
  basisVersion: z.string(),
  label: z.string(),
  citation: z.string(),
  titleVi: z.string(),
});
export type RegionGround = z.infer<typeof RegionGround>;

export const RedactionView = z.object({
  documentId: Id,
  regions: z.array(RedactionRegion),
  summary: z.object({
    proposed: z.number().int(),
    accepted: z.number().int(),
    removed: z.number().int(),
    unlocated: z.number().int(),
  }),
  /** The identity of the accepted regions (what a partial approval records). */
  key: z.string(),
  /** The redacted file built for these regions, if any. */
  built: z.object({ sha256: z.string() }).nullable(),
  grounds: z.array(RegionGround),
});
export type RedactionView = z.infer<typeof RedactionView>;

export const RedactedFileInfo = z.object({
  documentId: Id,
  sha256: z.string(),
  pages: z.number().int(),
  /** False when it was already built for these regions. */
  built: z.boolean(),
  seconds: z.number(),
});

const ByDocument = z.object({ id: Id });

export const redaction = {
  'redaction:regions': { input: ByDocument, output: RedactionView, hosts: 'all' },
  /** Proposes a region for every personal-data finding and protected passage not proposed yet. */
  'redaction:propose': { input: ByDocument, output: RedactionView, hosts: 'all' },
  /** Accepts, removes or reopens regions (all accepted-able proposals with `all`). */
  'redaction:setState': {
    input: z.object({ id: Id, regions: z.array(Id).max(10_000).default([]), all: z.boolean().default(false), state: RegionStateSchema }),
    output: RedactionView,
    hosts: 'all',
  },
  /** A box drawn on the page image (accepted at once). */
  'redaction:draw': {
    input: z.object({ id: Id, page: z.number().int().min(1), box: RegionBox, basis: z.string().max(200).optional() }),
    output: RedactionView,
    hosts: 'all',
  },
  /** A region over a selected span of the page text (accepted), plus proposals for the same words elsewhere. */
  'redaction:fromText': {
    input: z.object({ id: Id, page: z.number().int().min(1), start: z.number().int().min(0), end: z.number().int().min(1), basis: z.string().max(200).optional() }),
    output: RedactionView,
    hosts: 'all',
  },
  /** Another ground for a region. */
  'redaction:setGround': { input: z.object({ id: Id, region: Id, basis: z.string().min(1).max(200) }), output: RedactionView, hosts: 'all' },
  /** Builds (or finds) the redacted PDF of the accepted regions: pages painted, OCR'd afresh. */
  'redaction:build': { input: ByDocument, output: RedactedFileInfo, hosts: 'all' },
} as const;
