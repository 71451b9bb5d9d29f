/**
 * The legal ground of a redaction region and its short label ("Đ7.K2"), from data: which ground
 * personal data and drawn boxes fall under, which grounds may be withheld from a public document
 * (resources/legal/redaction.json), and the registry entry of that ground in the law version in
 * force on the day (a region made from 1 Sept 2026 cites the new law). The label is built from the
 * entry's article and clause; where the article numbers are not known yet (the 2026 law), it is the
 * data file's short label for the ground.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/domain/errors';
import { localToday } from '../clock';
import { resourcePath } from '../resourcesDir';
import { legalRegistry, type BasisEntry, type LegalRegistry } from '../understanding/legalRegistry';

const RedactionData = z.object({
  schemaVersion: z.literal(1),
  source: z.string(),
  personalDataGround: z.string().min(1),
  drawnGround: z.string().min(1),
  withholdingGrounds: z.array(z.string().min(1)).min(1),
  labelsWithoutArticle: z.record(z.string(), z.string().min(1).max(8)),
  note: z.string().optional(),
});
export type RedactionData = z.infer<typeof RedactionData>;

let cached: { file: string; data: RedactionData } | null = null;

/** resources/legal/redaction.json, checked: every ground it names exists in every registry version
 *  and withholds (conditional or secret). A bad edit is refused in Vietnamese (RULES_INVALID). */
export function redactionData(registry: LegalRegistry = legalRegistry()): RedactionData {
  const file = resourcePath('legal', 'redaction.json');
  if (cached?.file === file) return cached.data;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppError('RULES_INVALID', `redaction.json: ${(e as Error).message}`, {
      detailVi: `Tệp redaction.json không đọc được: ${(e as Error).message}`,
    });
  }
  const parsed = RedactionData.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('RULES_INVALID', `redaction.json: ${issues}`, {
      detailVi: `Tệp redaction.json sai định dạng: ${issues}`,
    });
  }
  const data = parsed.data;
  const grounds = new Set([data.personalDataGround, data.drawnGround, ...data.withholdingGrounds]);
  for (const version of registry.versions()) {
    for (const ground of grounds) {
      const entry = registry.entries(version).find((e) => e.ground === ground);
      if (!entry || (entry.accessClass !== 'conditional' && entry.accessClass !== 'secret')) {
        throw new AppError(
          'RULES_INVALID',
          `redaction.json: ground ${ground} is not a withholding entry of version ${version}`,
          {
            detailVi: `Tệp redaction.json: căn cứ «${ground}» không phải căn cứ hạn chế tiếp cận trong phiên bản luật ${version}.`,
          },
        );
      }
    }
  }
  cached = { file, data };
  return data;
}

/** "Đ7.K2" (article, clause, point of the entry), or the short label of its ground. */
export function groundLabel(entry: BasisEntry, data: RedactionData = redactionData()): string {
  if (entry.article)
    return `Đ${entry.article}${entry.clause ? `.K${entry.clause}` : ''}${entry.point ? `.${entry.point}` : ''}`;
  return data.labelsWithoutArticle[entry.ground] ?? entry.ground.slice(0, 8).toUpperCase();
}

export interface RegionGround {
  basisId: string;
  basisVersion: string;
  label: string;
  citation: string;
  titleVi: string;
}

function view(entry: BasisEntry, registry: LegalRegistry): RegionGround {
  return {
    basisId: entry.id,
    basisVersion: entry.version,
    label: groundLabel(entry),
    citation: registry.citation(entry),
    titleVi: entry.titleVi,
  };
}

/** The grounds a region may cite on `day` (the withholding grounds of the version in force). */
export function regionGrounds(
  day: string = localToday(),
  registry: LegalRegistry = legalRegistry(),
): RegionGround[] {
  const version = registry.versionOn(day);
  return redactionData(registry).withholdingGrounds.map((g) => view(registry.byGround(g, version), registry));
}

/** The ground of a region of this kind: a personal-data kind, a protected passage's own ground, or
 *  a drawn box; `basisId` (a registry id the reviewer chose) wins when it is a withholding ground. */
export function groundFor(
  kind: { personal: true } | { ground: string } | { drawn: true },
  basisId?: string | null,
  day: string = localToday(),
  registry: LegalRegistry = legalRegistry(),
): RegionGround {
  const data = redactionData(registry);
  const version = registry.versionOn(day);
  if (basisId) {
    const chosen = registry.find(basisId, version) ?? registry.find(basisId);
    if (!chosen || !data.withholdingGrounds.includes(chosen.ground)) {
      throw new AppError('BASIS_UNKNOWN', `redaction ground ${basisId}`, {
        detailVi: `«${basisId}» không phải căn cứ để che một phần văn bản.`,
      });
    }
    return view(chosen, registry);
  }
  const ground =
    'personal' in kind ? data.personalDataGround : 'drawn' in kind ? data.drawnGround : kind.ground;
  return view(registry.byGround(ground, version), registry);
}

/** Whether a finding's ground ("signal:<ground>") is one whose passages are withheld. */
export function isWithholdingGround(ground: string, registry: LegalRegistry = legalRegistry()): boolean {
  return redactionData(registry).withholdingGrounds.includes(ground);
}
