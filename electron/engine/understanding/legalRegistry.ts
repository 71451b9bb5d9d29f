/**
 * The legal-basis registry (resources/legal/access-basis.json): versions of the law, each with
 * entries (instrument, article, clause, point, short Vietnamese title, the access class it
 * supports, and a `ground` — a stable key rules refer to). Code never names an article: a rule
 * says "state-secret" and the registry says which article that is in the version in force.
 *
 * The version in force on a day (`versionOn`) is the one whose effectiveFrom–effectiveTo covers
 * it: a decision or suggestion dated from 1 Sept 2026 defaults to the new law. `defaultVersion`
 * is the version in force today (engine/clock.ts); the file's `defaultVersion` is only the
 * fallback for a day no version covers. Entries of a version whose numbering is not confirmed
 * carry `verified: false`; `lawLabel` says so in words for the screens.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ACCESS_CLASSES, type AccessClass } from '../../../shared/domain/access';
import { AppError } from '../../../shared/domain/errors';
import { resourcePath } from '../resourcesDir';
import { localToday } from '../clock';
import { legalData } from './rules/legalData';

const Entry = z.object({
  id: z.string().regex(/^[A-Za-z0-9.:_-]+$/),
  instrument: z.string(),
  article: z.number().int().positive().nullable(),
  clause: z.number().int().positive().nullable(),
  point: z.string().min(1).max(2).nullable(),
  accessClass: z.enum(ACCESS_CLASSES).nullable(),
  ground: z.string().min(1),
  titleVi: z.string().min(3),
  verified: z.boolean(),
  note: z.string().optional(),
  /** In a later version: the entry of the earlier version it continues (for mapping decisions). */
  correspondsTo: z.string().optional(),
});

const Version = z.object({
  id: z.string().min(1),
  title: z.string(),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  effectiveTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  instruments: z.array(z.object({ id: z.string(), number: z.string(), titleVi: z.string() })).min(1),
  entries: z.array(Entry).min(1),
  /** The law lets the separable accessible part of a document be provided (the 2026 draft). */
  partialDisclosure: z.boolean().optional(),
});

export const RegistrySchema = z
  .object({ schemaVersion: z.literal(1), defaultVersion: z.string(), versions: z.array(Version).min(1) })
  .superRefine((reg, ctx) => {
    if (!reg.versions.some((v) => v.id === reg.defaultVersion)) ctx.addIssue({ code: 'custom', message: `defaultVersion ${reg.defaultVersion} is not a version` });
    for (const v of reg.versions) {
      const ids = new Set<string>();
      const grounds = new Set<string>();
      const instruments = new Set(v.instruments.map((i) => i.id));
      for (const e of v.entries) {
        if (ids.has(e.id)) ctx.addIssue({ code: 'custom', message: `duplicate entry id ${e.id} in version ${v.id}` });
        if (grounds.has(e.ground)) ctx.addIssue({ code: 'custom', message: `duplicate ground ${e.ground} in version ${v.id}` });
        if (!instruments.has(e.instrument)) ctx.addIssue({ code: 'custom', message: `entry ${e.id} names unknown instrument ${e.instrument}` });
        ids.add(e.id);
        grounds.add(e.ground);
      }
    }
  });

export type LegalRegistryData = z.infer<typeof RegistrySchema>;
export type BasisEntry = z.infer<typeof Entry> & { version: string };

/** Resolved when called: a packaged app sets its resources folder at start-up (resourcesDir.ts). */
export function defaultRegistryFile(): string {
  return resourcePath('legal', 'access-basis.json');
}

export class LegalRegistry {
  private readonly byVersion = new Map<string, BasisEntry[]>();

  constructor(readonly data: LegalRegistryData) {}

  /** The version in force today (see versionOn). */
  get defaultVersion(): string {
    return this.versionOn(localToday());
  }

  /** The version in force on a day (yyyy-mm-dd); the file's default when none covers it. */
  versionOn(date: string): string {
    const day = date.slice(0, 10);
    const covering = this.data.versions.filter((v) => v.effectiveFrom <= day && (v.effectiveTo === null || day <= v.effectiveTo));
    covering.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
    return covering[0]?.id ?? this.data.defaultVersion;
  }

  /** A version's description (title, dates, whether every entry is verified). */
  version(id: string): LegalRegistryData['versions'][number] & { verified: boolean } {
    const v = this.data.versions.find((x) => x.id === id);
    if (!v) throw new AppError('BASIS_UNKNOWN', `registry version ${id}`);
    return { ...v, verified: v.entries.every((e) => e.verified) };
  }

  /** Every ground a version has an entry for. */
  grounds(version = this.defaultVersion): string[] {
    return this.entries(version).map((e) => e.ground);
  }

  /** "Luật Tiếp cận thông tin 104/2016/QH13", with a warning when the entry's article numbers
   *  are not confirmed ("…(sửa đổi) — số điều, khoản chờ xác nhận"). */
  lawLabel(entry: BasisEntry): string {
    const v = this.data.versions.find((x) => x.id === entry.version)!;
    const instrument = v.instruments.find((i) => i.id === entry.instrument)!;
    const name = instrument.number.startsWith('(') ? instrument.titleVi : `${instrument.titleVi} ${instrument.number}`;
    return entry.verified ? name : `${name} — số điều, khoản chờ xác nhận`;
  }

  /** The same ground in another version (a 2026 suggestion read against 2016 numbering). */
  counterpart(entry: BasisEntry, version: string): BasisEntry | null {
    return this.entries(version).find((e) => e.ground === entry.ground) ?? null;
  }

  versions(): string[] {
    return this.data.versions.map((v) => v.id);
  }

  entries(version = this.defaultVersion): BasisEntry[] {
    let entries = this.byVersion.get(version);
    if (!entries) {
      const v = this.data.versions.find((x) => x.id === version);
      if (!v) throw new AppError('BASIS_UNKNOWN', `registry version ${version}`);
      entries = v.entries.map((e) => Object.freeze({ ...e, version: v.id }));
      this.byVersion.set(version, entries);
    }
    return [...entries];
  }

  /** The entry for a rule's ground in a version. */
  byGround(ground: string, version = this.defaultVersion): BasisEntry {
    const entry = this.entries(version).find((e) => e.ground === ground);
    if (!entry) throw new AppError('BASIS_UNKNOWN', `ground ${ground} in version ${version}`);
    return entry;
  }

  /** An entry by id (case-insensitive) in a version, or in any version when none is given. */
  find(code: string, version?: string): BasisEntry | null {
    const wanted = code.trim().toLowerCase();
    const versions = version ? [version] : [this.defaultVersion, ...this.versions().filter((v) => v !== this.defaultVersion)];
    for (const v of versions) {
      const entry = this.entries(v).find((e) => e.id.toLowerCase() === wanted);
      if (entry) return entry;
    }
    return null;
  }

  /** "Điều 6 khoản 1 Luật Tiếp cận thông tin 104/2016/QH13" for display. */
  citation(entry: BasisEntry): string {
    const v = this.data.versions.find((x) => x.id === entry.version)!;
    const instrument = v.instruments.find((i) => i.id === entry.instrument)!;
    const parts = [entry.point ? `điểm ${entry.point}` : '', entry.clause ? `khoản ${entry.clause}` : '', entry.article ? `Điều ${entry.article}` : '']
      .filter(Boolean)
      .join(' ');
    return `${parts ? parts + ' ' : ''}${instrument.titleVi} ${instrument.number}`.trim();
  }
}

export function loadLegalRegistry(file: string = defaultRegistryFile()): LegalRegistry {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppError('REGISTRY_INVALID', `${path.basename(file)}: ${(e as Error).message}`);
  }
  const parsed = RegistrySchema.safeParse(raw);
  if (!parsed.success) throw new AppError('REGISTRY_INVALID', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return new LegalRegistry(parsed.data);
}

/** The app's registry: the one loaded (and checked against the rules files) by legalData(). */
export function legalRegistry(): LegalRegistry {
  return legalData().registry;
}

export type { AccessClass };
