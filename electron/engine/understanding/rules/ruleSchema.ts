/**
 * The shape of the legal data files under resources/legal/ (zod): the access rules of each law
 * version (rules-<version>.json), the personal-data kinds of Decree 356/2025 (personal-data.json),
 * the secrecy and urgency markings (markings.json) and the document types of Decree 30/2020
 * (document-types.json). What is checked across files (a rule's ground exists in the registry, its
 * document types exist…) is checked in legalData.ts.
 */
import { z } from 'zod';

/** Where a phrase counts: the subject (trích yếu), the title (the document type), the whole text,
 *  the first page, or a stamp line (a short line near the top, or a line in capitals). */
export const REGIONS = ['subject', 'title', 'body', 'firstPage', 'stampLine'] as const;
export type Region = (typeof REGIONS)[number];

/** Evidence that is not a phrase: the stamp finder's and the personal-data finder's findings, and
 *  a legal normative document's number (number/year/code, as Law 80/2015 numbers them). */
export const EVIDENCE = ['secrecy-stamp', 'uncertain-secrecy-stamp', 'personal-data', 'sensitive-personal-data', 'normative-number'] as const;
export type EvidenceKind = (typeof EVIDENCE)[number];

const Phrase = z.string().trim().min(2).max(200);

export const ClauseSchema = z.object({
  in: z.array(z.enum(REGIONS)).min(1),
  phrases: z.array(Phrase).min(1),
  /** OCR-tolerant: an edit or two per phrase, spacing and line breaks ignored (phraseMatcher.ts). */
  fuzzy: z.boolean().default(false),
  /** Real phrases one letter away from a tolerant phrase ("phòng phổ biến" for "không phổ biến"):
   *  text that reads exactly as one of these is not a slip of the phrase. */
  lookAlikes: z.array(Phrase).optional(),
});
export type Clause = z.infer<typeof ClauseSchema>;

export const ExampleSchema = z.object({
  type: z.string().optional(),
  subject: z.string().optional(),
  body: z.string().optional(),
  /** Whether the rule must fire on this example (tests/unit/understanding/legalRules.test.ts);
   *  "uncertain": it fires only as an OCR-uncertain hint (holds the document for review). */
  fires: z.union([z.boolean(), z.literal('uncertain')]),
});
export type RuleExample = z.infer<typeof ExampleSchema>;

export const RuleSchema = z
  .object({
    /** secret.* / conditional.* / publish.*: the prefix must agree with the ground's access class. */
    id: z.string().regex(/^(secret|conditional|publish)\.[a-z0-9-]+$/),
    /** The registry ground ("state-secret", "publish:budget"…); the registry says which article it is. */
    ground: z.string().min(1),
    /** 0–1. The highest-class hit at or above `settings.decideAt` decides; below it a secret or
     *  conditional hit only holds the document back for review. Within a class the strongest wins. */
    strength: z.number().min(0).max(1),
    /** Shown to the reviewer as the reason ("theo quy định: …"). */
    explanationVi: z.string().min(10).max(400),
    documentTypes: z.array(z.string().min(2)).min(1).optional(),
    anyOf: z.array(ClauseSchema).min(1).optional(),
    allOf: z.array(ClauseSchema).min(1).optional(),
    noneOf: z.array(ClauseSchema).min(1).optional(),
    evidence: z.enum(EVIDENCE).optional(),
    examples: z.array(ExampleSchema).min(2),
  })
  .superRefine((rule, ctx) => {
    if (!rule.documentTypes && !rule.anyOf && !rule.allOf && !rule.evidence) {
      ctx.addIssue({ code: 'custom', message: 'quy tắc phải có ít nhất một điều kiện: documentTypes, anyOf, allOf hoặc evidence' });
    }
    if (!rule.examples.some((e) => e.fires === true) || !rule.examples.some((e) => e.fires === false)) {
      ctx.addIssue({ code: 'custom', path: ['examples'], message: 'cần ít nhất một ví dụ quy tắc áp dụng ("fires": true) và một ví dụ không áp dụng ("fires": false)' });
    }
  });
export type Rule = z.infer<typeof RuleSchema>;

export const RuleFileSchema = z.object({
  schemaVersion: z.literal(1),
  /** The registry version whose entries the grounds resolve to. */
  registryVersion: z.string().min(1),
  titleVi: z.string().min(3),
  verified: z.boolean().optional(),
  notesVi: z.array(z.string()).optional(),
  /** Another version whose rules this one starts from; a rule with the same id replaces it. */
  inherits: z.string().min(1).optional(),
  /** Inherited rule ids this version does not use. */
  remove: z.array(z.string()).optional(),
  settings: z.object({ decideAt: z.number().min(0).max(1), uncertainStrength: z.number().min(0).max(1) }).partial().optional(),
  rules: z.array(RuleSchema),
});
export type RuleFile = z.infer<typeof RuleFileSchema>;

export const PERSONAL_KINDS = [
  'name', 'cccd', 'cmnd', 'identity-number', 'phone', 'email', 'birth-date', 'address', 'land-parcel',
  'ethnicity', 'religion', 'health', 'social-status', 'criminal-record', 'bank-account',
] as const;
export type PersonalKind = (typeof PERSONAL_KINDS)[number];

const Words = z.array(Phrase).min(1);

export const PersonalDataFileSchema = z
  .object({
    schemaVersion: z.literal(1),
    source: z.string(),
    kinds: z.array(
      z.object({
        kind: z.enum(PERSONAL_KINDS),
        /** Decree 356/2025 Art. 3 (basic) or Art. 4 (sensitive). */
        article: z.union([z.literal(3), z.literal(4)]),
        /** How much it counts toward "personal data of a private person"; 0 = only ties others to a person. */
        weight: z.number().min(0).max(5),
        /** Identifies a person on its own (an ID number), so it needs no name nearby. */
        identifies: z.boolean(),
        titleVi: z.string().min(3),
      }),
    ),
    vocabulary: z.object({
      honorifics: Words,
      idLabels: Words,
      identityNumberLabels: Words,
      phoneLabels: Words,
      birthLabels: Words,
      addressLabels: Words,
      addressUnits: Words,
      nameColumns: Words,
      birthColumns: Words,
      addressColumns: Words,
      ethnicityLabels: Words,
      religionLabels: Words,
      criminalRecordTerms: Words,
      bankAccountLabels: Words,
      landParcel: z.object({ parcel: Words, map: Words }),
      disabilityRateLabels: Words,
      /** A label whose value is a person's health ("tình trạng sức khỏe: …"). */
      healthLabels: Words,
      healthTerms: Words,
      socialStatusTerms: Words,
      /** A contact (phone, e-mail, address) is an office's when one of these follows the person's
       *  name ("bà X, chuyên viên Văn phòng, điện thoại …") or, with no name, stands in its sentence. */
      officeRoles: Words,
      /** …or when one of these introduces the person ("liên hệ bà X", "đầu mối: ông Y"). */
      contactIntro: Words,
      officeEmailDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)).min(1),
    }),
  })
  .superRefine((file, ctx) => {
    const seen = new Set(file.kinds.map((k) => k.kind));
    for (const kind of PERSONAL_KINDS) if (!seen.has(kind)) ctx.addIssue({ code: 'custom', path: ['kinds'], message: `thiếu loại dữ liệu cá nhân "${kind}"` });
  });
export type PersonalDataFile = z.infer<typeof PersonalDataFileSchema>;

export const MarkingsFileSchema = z.object({
  schemaVersion: z.literal(1),
  source: z.string(),
  secrecy: z.array(Phrase).min(1),
  urgency: z.array(z.object({ text: Phrase, level: Phrase })).min(1),
});
export type MarkingsFile = z.infer<typeof MarkingsFileSchema>;

export const DocumentTypesFileSchema = z.object({
  schemaVersion: z.literal(1),
  source: z.string(),
  types: z.array(z.object({ name: Phrase, codes: z.array(z.string().min(1).max(8)) })).min(1),
});
export type DocumentTypesFile = z.infer<typeof DocumentTypesFileSchema>;

/** Decree 30 form knowledge the header extractor uses (header-vocabulary.json): how bodies and
 *  titles are named and spelled, and administrative phrases whose accents OCR slips. */
export const HeaderVocabularySchema = z.object({
  schemaVersion: z.literal(1),
  source: z.string(),
  /** Folded prefixes that open an issuer line; a trailing space means a whole word. */
  issuerStarts: z.array(z.string().regex(/^[a-z ]+$/)).min(1),
  signerTitles: Words,
  collectiveHeads: z.array(z.object({ body: Phrase, head: Phrase })),
  officeHeads: z.array(z.object({ office: Phrase, head: Phrase })),
  minutesRoles: Words,
  abbreviations: z.array(z.object({ abbr: z.string().regex(/^[\p{Lu}]+\.?$/u), full: Phrase })),
  gluedAbbreviations: z.array(z.string().regex(/^\p{Lu}+$/u)).min(1),
  /** Longest first ("thị xã" before "xã"). */
  localityTypes: Words,
  bodySpellings: Words,
  /** Longest first ("trung tâm", "chi cục" before "cục"). */
  bodyHeads: Words,
  titleSpellings: Words,
  sectors: Words,
  /** Phrases with one folded spelling, restored when OCR slipped an accent ("chỉ tiết" → "chi tiết"). */
  restorablePhrases: Words,
});
export type HeaderVocabulary = z.infer<typeof HeaderVocabularySchema>;
