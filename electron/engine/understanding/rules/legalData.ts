/**
 * Loads and checks every legal data file under resources/legal/ once: the registry
 * (access-basis.json), the rules of each law version (rules-<version>.json), the personal-data
 * kinds (personal-data.json), the markings (markings.json) and the document types
 * (document-types.json), and the Decree 30 form vocabulary of the header extractor
 * (header-vocabulary.json). A file that does not validate is refused with a Vietnamese message that
 * names the file and the entry (AppError RULES_INVALID); the engine checks at start
 * (createEngine), so a bad edit is seen at once, not at the first suggestion.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../../shared/domain/errors';
import type { AccessClass } from '../../../../shared/domain/access';
import { resourcePath } from '../../resourcesDir';
import { LegalRegistry, RegistrySchema } from '../legalRegistry';
import { compilePhrase, phraseLetters, type CompiledPhrase } from './phraseMatcher';
import {
  DocumentTypesFileSchema,
  HeaderVocabularySchema,
  MarkingsFileSchema,
  PersonalDataFileSchema,
  RuleFileSchema,
  type Clause,
  type DocumentTypesFile,
  type HeaderVocabulary,
  type MarkingsFile,
  type PersonalDataFile,
  type Rule,
  type RuleFile,
} from './ruleSchema';

export interface CompiledClause extends Clause {
  compiled: CompiledPhrase[];
  lookAlikesCompiled: CompiledPhrase[];
}

export interface CompiledRule extends Omit<Rule, 'anyOf' | 'allOf' | 'noneOf'> {
  accessClass: AccessClass;
  /** Position in the version's rule list: the earlier rule wins a tie in strength. */
  order: number;
  anyOf?: CompiledClause[];
  allOf?: CompiledClause[];
  noneOf?: CompiledClause[];
}

export interface RuleSet {
  version: string;
  titleVi: string;
  verified: boolean;
  notesVi: string[];
  decideAt: number;
  uncertainStrength: number;
  rules: CompiledRule[];
}

export interface LegalData {
  dir: string;
  registry: LegalRegistry;
  ruleSets: Map<string, RuleSet>;
  personal: PersonalDataFile;
  markings: MarkingsFile;
  documentTypes: DocumentTypesFile;
  header: HeaderVocabulary;
}

/** Fuzzy phrases need this many letters; shorter ones match ordinary words after one edit. */
const MIN_FUZZY_LETTERS = 8;
const DEFAULT_SETTINGS = { decideAt: 0.5, uncertainStrength: 0.4 };

function refuse(file: string, vi: string, en = vi): never {
  throw new AppError('RULES_INVALID', `${file}: ${en}`, { detailVi: `Tệp ${file}: ${vi}` });
}

/** "rules.3.anyOf.0.phrases" → "quy tắc publish.budget › anyOf › 0 › phrases". */
function where(issuePath: PropertyKey[], raw: unknown): string {
  const parts = issuePath.map(String);
  if (parts[0] === 'rules' && parts[1] !== undefined) {
    const id = (raw as { rules?: { id?: unknown }[] })?.rules?.[Number(parts[1])]?.id;
    return [`quy tắc ${typeof id === 'string' ? id : `thứ ${Number(parts[1]) + 1}`}`, ...parts.slice(2)].join(' › ');
  }
  return parts.join(' › ') || 'gốc tệp';
}

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const full = path.join(dir, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(full, 'utf8'));
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    refuse(file, missing ? 'không tìm thấy tệp.' : `không đọc được JSON (${(e as Error).message}).`, (e as Error).message);
  }
  const parsed = schema.safeParse(raw, { error: z.locales.vi().localeError });
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${where(i.path, raw)}: ${i.message}`);
    refuse(file, issues.join('; ') + '.', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`).join('; '));
  }
  return parsed.data;
}

const CLASS_OF_PREFIX: Record<string, AccessClass> = { secret: 'secret', conditional: 'conditional', publish: 'public' };

function compileClauses(file: string, rule: Rule, clauses: Clause[] | undefined): CompiledClause[] | undefined {
  return clauses?.map((c) => ({
    ...c,
    compiled: c.phrases.map((p) => {
      if (c.fuzzy && !p.startsWith('=') && phraseLetters(p) < MIN_FUZZY_LETTERS) {
        refuse(file, `quy tắc ${rule.id}: cụm từ "${p}" quá ngắn để so khớp gần đúng (cần ít nhất ${MIN_FUZZY_LETTERS} chữ cái); bỏ "fuzzy" hoặc viết cụm dài hơn.`);
      }
      if (phraseLetters(p) === 0) refuse(file, `quy tắc ${rule.id}: cụm từ "${p}" không có chữ nào.`);
      return compilePhrase(p, c.fuzzy);
    }),
    lookAlikesCompiled: (c.lookAlikes ?? []).map((p) => compilePhrase(p, false)),
  }));
}

interface RawRuleSet {
  file: RuleFile;
  rules: Rule[];
  decideAt: number;
  uncertainStrength: number;
}

/** A version's rules with inheritance resolved: the inherited rules first, a rule with the same
 *  id replacing the inherited one, `remove` dropping some. */
function rawRuleSet(dir: string, version: string, seen: string[] = []): RawRuleSet {
  const name = `rules-${version}.json`;
  if (seen.includes(version)) refuse(name, `kế thừa vòng tròn (${[...seen, version].join(' → ')}).`);
  const file: RuleFile = readJson(dir, name, RuleFileSchema);
  if (file.registryVersion !== version) refuse(name, `registryVersion là "${file.registryVersion}", tên tệp là phiên bản "${version}".`);
  const base = file.inherits ? rawRuleSet(dir, file.inherits, [...seen, version]) : null;
  const removed = new Set(file.remove ?? []);
  for (const id of removed) if (!base?.rules.some((r) => r.id === id)) refuse(name, `"remove" nêu quy tắc ${id} không có trong phiên bản được kế thừa.`);
  const own = new Map<string, Rule>();
  for (const rule of file.rules) {
    if (own.has(rule.id)) refuse(name, `mã quy tắc ${rule.id} bị trùng.`);
    own.set(rule.id, rule);
  }
  const inherited = (base?.rules ?? []).filter((r) => !removed.has(r.id)).map((r) => own.get(r.id) ?? r);
  const added = file.rules.filter((r) => !base?.rules.some((b) => b.id === r.id));
  return {
    file,
    rules: [...inherited, ...added],
    decideAt: file.settings?.decideAt ?? base?.decideAt ?? DEFAULT_SETTINGS.decideAt,
    uncertainStrength: file.settings?.uncertainStrength ?? base?.uncertainStrength ?? DEFAULT_SETTINGS.uncertainStrength,
  };
}

/** The rules of one version, checked against the registry and the document types, compiled. */
function ruleSetOf(dir: string, version: string, registry: LegalRegistry, typeNames: Set<string>): RuleSet {
  const name = `rules-${version}.json`;
  const raw = rawRuleSet(dir, version);
  const rules = raw.rules.map((rule, order): CompiledRule => {
    const entry = registry.entries(version).find((e) => e.ground === rule.ground);
    if (!entry) refuse(name, `quy tắc ${rule.id}: căn cứ "${rule.ground}" không có trong danh mục căn cứ phiên bản ${version} (access-basis.json).`);
    const prefix = rule.id.split('.')[0]!;
    const prefixClass = CLASS_OF_PREFIX[prefix]!;
    if (entry.accessClass !== prefixClass) {
      refuse(name, `quy tắc ${rule.id}: căn cứ "${rule.ground}" ứng với loại "${entry.accessClass ?? 'không có'}", nhưng mã quy tắc bắt đầu bằng "${prefix}".`);
    }
    for (const t of rule.documentTypes ?? []) if (!typeNames.has(t)) refuse(name, `quy tắc ${rule.id}: loại văn bản "${t}" không có trong document-types.json.`);
    return {
      ...rule,
      anyOf: compileClauses(name, rule, rule.anyOf),
      allOf: compileClauses(name, rule, rule.allOf),
      noneOf: compileClauses(name, rule, rule.noneOf),
      accessClass: prefixClass,
      order,
    };
  });
  return {
    version,
    titleVi: raw.file.titleVi,
    verified: raw.file.verified ?? true,
    notesVi: raw.file.notesVi ?? [],
    decideAt: raw.decideAt,
    uncertainStrength: raw.uncertainStrength,
    rules,
  };
}

export function defaultLegalDir(): string {
  return resourcePath('legal');
}

/** Reads and checks every legal data file of a folder; throws RULES_INVALID on the first problem. */
export function loadLegalData(dir: string = defaultLegalDir()): LegalData {
  const registryRaw = readJson(dir, 'access-basis.json', RegistrySchema);
  const registry = new LegalRegistry(registryRaw);
  const documentTypes = readJson(dir, 'document-types.json', DocumentTypesFileSchema);
  const typeNames = new Set(documentTypes.types.map((t) => t.name));
  const ruleSets = new Map<string, RuleSet>();
  for (const version of registry.versions()) {
    if (!existsSync(path.join(dir, `rules-${version}.json`))) refuse(`rules-${version}.json`, `không tìm thấy tệp quy tắc cho phiên bản ${version} của danh mục căn cứ.`);
    ruleSets.set(version, ruleSetOf(dir, version, registry, typeNames));
  }
  return {
    dir,
    registry,
    ruleSets,
    personal: readJson(dir, 'personal-data.json', PersonalDataFileSchema),
    markings: readJson(dir, 'markings.json', MarkingsFileSchema),
    documentTypes,
    header: readJson(dir, 'header-vocabulary.json', HeaderVocabularySchema),
  };
}

let cached: LegalData | null = null;

/** The app's legal data, loaded on first use (createEngine loads it at start). */
export function legalData(): LegalData {
  cached ??= loadLegalData();
  return cached;
}

/** The rules of a version of the law. */
export function ruleSet(version: string, data: LegalData = legalData()): RuleSet {
  const set = data.ruleSets.get(version);
  if (!set) throw new AppError('BASIS_UNKNOWN', `rules for registry version ${version}`);
  return set;
}
