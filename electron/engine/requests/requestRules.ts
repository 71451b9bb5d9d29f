/**
 * Time limits, refusal grounds, allowed costs and notice titles per version of the law, as data
 * (resources/legal/request-rules.json). The version in force on a request's received date decides
 * its limits; refusal bases are that version's procedural grounds plus the legal-basis registry's
 * non-public entries (Art. 6 / Art. 7 and their successors), read from legalRegistry.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/domain/errors';
import {
  FEE_KINDS,
  NOTICE_KINDS,
  REQUEST_CHANNELS,
  type BasisOption,
} from '../../../shared/contract/requests';
import { resourcePath } from '../resourcesDir';
import { legalRegistry, type LegalRegistry } from '../understanding/legalRegistry';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Limit = z.object({
  /** Working days for simple, available information. */
  standard: z.number().int().min(0).max(60),
  /** Working days for complex information (gathered from several units, others' opinions). */
  complex: z.number().int().min(0).max(60),
  /** Working days one extension may add. */
  extension: z.number().int().min(0).max(60),
  citation: z.string().min(1),
  verified: z.boolean(),
  note: z.string().optional(),
});

const Version = z.object({
  id: z.string().min(1),
  registryVersion: z.string().min(1),
  title: z.string().min(1),
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable(),
  channels: z.record(z.enum(REQUEST_CHANNELS), z.string().min(1)),
  limits: z.record(z.string(), Limit),
  procedureGrounds: z.array(
    z.object({ code: z.string().min(1), titleVi: z.string().min(1), citation: z.string().min(1) }),
  ),
  feeKinds: z.array(z.enum(FEE_KINDS)).min(1),
  feeCitation: z.string().min(1),
  forms: z.record(z.enum(NOTICE_KINDS), z.string().min(1)),
  formsCitation: z.string().min(1),
});

export const RequestRulesSchema = z
  .object({ schemaVersion: z.literal(1), versions: z.array(Version).min(1) })
  .superRefine((data, ctx) => {
    for (const v of data.versions) {
      for (const ch of REQUEST_CHANNELS) {
        const group = v.channels[ch];
        if (!group)
          ctx.addIssue({ code: 'custom', message: `version ${v.id}: channel ${ch} has no limit group` });
        else if (!v.limits[group])
          ctx.addIssue({ code: 'custom', message: `version ${v.id}: limit group ${group} missing` });
      }
      for (const k of NOTICE_KINDS)
        if (!v.forms[k]) ctx.addIssue({ code: 'custom', message: `version ${v.id}: form ${k} missing` });
    }
    const sorted = [...data.versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
    for (let i = 1; i < sorted.length; i += 1) {
      const prev = sorted[i - 1]!;
      if (prev.effectiveTo === null || prev.effectiveTo >= sorted[i]!.effectiveFrom)
        ctx.addIssue({ code: 'custom', message: `versions ${prev.id} and ${sorted[i]!.id} overlap` });
    }
  });

export type RequestRulesData = z.infer<typeof RequestRulesSchema>;
export type RulesVersion = z.infer<typeof Version>;
export type LimitRule = z.infer<typeof Limit>;

export function loadRequestRules(file: string = resourcePath('legal', 'request-rules.json')): RequestRules {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppError('REQUEST_RULES_INVALID', (e as Error).message);
  }
  const parsed = RequestRulesSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError(
      'REQUEST_RULES_INVALID',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  return new RequestRules(parsed.data);
}

export class RequestRules {
  constructor(
    readonly data: RequestRulesData,
    private readonly registry: () => LegalRegistry = legalRegistry,
  ) {}

  /** The version in force on a date; before the first version, the first one. */
  versionOn(date: string): RulesVersion {
    const v = this.data.versions.find(
      (x) => x.effectiveFrom <= date && (x.effectiveTo === null || x.effectiveTo >= date),
    );
    if (v) return v;
    const sorted = [...this.data.versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
    return date < sorted[0]!.effectiveFrom ? sorted[0]! : sorted[sorted.length - 1]!;
  }

  version(id: string): RulesVersion {
    const v = this.data.versions.find((x) => x.id === id);
    if (!v) throw new AppError('REQUEST_RULES_INVALID', `version ${id}`);
    return v;
  }

  limitFor(versionId: string, channel: (typeof REQUEST_CHANNELS)[number]): LimitRule {
    const v = this.version(versionId);
    return v.limits[v.channels[channel]!]!;
  }

  /** Working days from receipt to the due date. */
  workingDays(
    versionId: string,
    channel: (typeof REQUEST_CHANNELS)[number],
    complex: boolean,
    extended: boolean,
  ): number {
    const l = this.limitFor(versionId, channel);
    return (complex ? l.complex : l.standard) + (extended ? l.extension : 0);
  }

  /** Grounds a refusal may cite under this version: procedural grounds, then the registry's
   *  secret and conditional entries of the matching registry version. */
  refusalBases(versionId: string): BasisOption[] {
    const v = this.version(versionId);
    const out: BasisOption[] = v.procedureGrounds.map((g) => ({
      code: g.code,
      titleVi: g.titleVi,
      citation: g.citation,
    }));
    const registry = this.registry();
    if (registry.versions().includes(v.registryVersion)) {
      for (const e of registry.entries(v.registryVersion)) {
        if (e.accessClass === 'secret' || e.accessClass === 'conditional')
          out.push({ code: e.id, titleVi: e.titleVi, citation: registry.citation(e) });
      }
    }
    return out;
  }

  refusalBasis(versionId: string, code: string): BasisOption | null {
    const wanted = code.trim().toLowerCase();
    return this.refusalBases(versionId).find((b) => b.code.toLowerCase() === wanted) ?? null;
  }
}

let cached: RequestRules | null = null;
export function requestRules(): RequestRules {
  cached ??= loadRequestRules();
  return cached;
}
