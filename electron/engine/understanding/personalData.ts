/**
 * Personal data of private persons (Law 91/2025 and Decree 356/2025: Art. 3 basic, Art. 4
 * sensitive), with the kinds, their weight and every label word read from
 * resources/legal/personal-data.json. Found: ID numbers (CCCD 12 digits; CMND 9 digits and other
 * identity numbers next to their label), phone numbers and e-mail addresses, dates of birth,
 * names, home addresses, land parcels, ethnicity and religion, health and social-assistance
 * status, criminal records, bank accounts. Every finding keeps its page and offsets (redaction
 * uses them).
 *
 * Names, addresses and statuses count only in a personal context — a table with a name column,
 * or next to an honorific ("ông", "bà") or an identifier — so a meeting venue "ấp Hòa Nhờ A" or
 * the signer's name are not findings. Labels are matched OCR-tolerantly (rules/phraseMatcher.ts).
 *
 * The phone number or e-mail of an office or of its focal point (a recruitment notice's contact,
 * the access-to-information focal point) is not a private person's data: it is left out when the
 * words around it say so ("liên hệ", "chuyên viên Văn phòng", an official e-mail domain) and no
 * other personal data of a person sits beside it.
 */
import { fold } from '../../../shared/text/vietnamese';
import { foldSameLength, type PageText } from './pageText';
import { compilePhrase, findPhrase, indexText, type CompiledPhrase, type IndexedText } from './rules/phraseMatcher';
import { legalData } from './rules/legalData';
import { PERSONAL_KINDS, type PersonalDataFile, type PersonalKind } from './rules/ruleSchema';

export type { PersonalKind };
export { PERSONAL_KINDS };

export interface PersonalFinding {
  kind: PersonalKind;
  text: string;
  page: number;
  start: number;
  end: number;
  rule: string;
}

const L = '\\p{L}';
const UP = '\\p{Lu}';
/** A capitalised syllable: "Huỳnh", "Sa", "Phone". */
const CAP_WORD = `${UP}\\p{Ll}*(?!\\p{L})`;
/** 2–6 capitalised syllables; line breaks allowed (a name wrapped in a table cell). */
const NAME = `${CAP_WORD}(?:[ \\t]+${CAP_WORD}|\\n${CAP_WORD}(?=[ \\t]+${CAP_WORD}|\\n|[ \\t]*[,;.)(]|$)){1,5}`;
/** In a people table's name cell OCR slips a letter into a syllable ("NÑgô"): any letters after the capital. */
const CELL_WORD = `${UP}${L}*(?!${L})`;
const CELL_NAME = `${CELL_WORD}(?:[ \\t]+${CELL_WORD}|\\n${CELL_WORD}(?=[ \\t]+${CELL_WORD}|\\n|[ \\t]*[,;.)(]|$)){1,5}`;
/** A row's number as OCR reads it: debris around it ("4_", "-6", a cell border read as "[" before
 *  the name), letters for digits ("S1" for 51). */
const ROW_NUMBER = '[-_.]?((?=[SsOoIl|]{0,2}\\d)[\\dSsOoIl|]{1,3})[_.]?[ \\t]+[[|(]?';
/** A line of a people table without its row number: a name, then cells with an ID number. */
const UNNUMBERED_ROW = new RegExp(`\\n(${CELL_WORD}(?:[ \\t]+${CELL_WORD}){1,5})[ \\t]+[^\\n]*?(?<![\\d.,])(?:\\d{12}|\\d{9})(?![\\d.,]?\\d)`, 'gu');
const rowNumber = (read: string) => Number(read.replace(/[Ss]/g, '5').replace(/[Oo]/g, '0').replace(/[Il|]/g, '1'));
const CCCD = /(?<![\d.,])\d{12}(?![\d.,]?\d)/g;
const CMND = /(?<![\d.,])\d{9}(?![\d.,]?\d)/g;
/** An ID number OCR split with a space or a dot ("0941 7000 0001"): only next to its label. */
const SPLIT_ID = /(?<![\d.,])\d{2,6}(?:[ .]\d{2,6}){1,3}(?![\d.,]?\d)/g;
/** Mobile numbers, grouped any way ("0354 524 429", "0323.840.880"; OCR: "0354 524429", "0323. 840.880"). */
const MOBILE = /(?<![\d.,])0[35789]\d{2}(?:\.? ?)\d{3}(?:\.? ?)\d{3}(?![\d.,]?\d)/g;
const LANDLINE = /(?<![\d.,])02\d{1,2}[ .]?\d{3,4}[ .]?\d{3,4}(?![\d.,]?\d)/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g;
const CODE_AFTER_LABEL = /^[\s:.,]*(?:[a-z]{1,2}(?:\s[a-z]{1,2})?\s*:?\s+)?([a-z0-9][a-z0-9.-]*(?: [a-z0-9.-]+){0,3})/;
/** The value after "dân tộc:" / "tôn giáo": one to three capitalised words. */
const CAPITALISED_VALUE = new RegExp(`^[ \\t]*:?[ \\t]*(${CAP_WORD}(?:[ \\t]+\\p{Ll}+)?(?:[ \\t]+${CAP_WORD}){0,2})`, 'u');

const bothCases = (words: string[]) => words.flatMap((w) => [w, w.charAt(0).toLocaleUpperCase('vi') + w.slice(1)]);
const alternatives = (words: string[]) => bothCases(words).map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
const foldedAlternatives = (words: string[]) => words.map((w) => fold(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*')).join('|');

interface Patterns {
  source: PersonalDataFile;
  honorific: RegExp;
  address: RegExp;
  land: RegExp;
  disability: RegExp;
  /** Opening words of a health or social-assistance status (OCR-tolerant), and the rest of its
   *  table cell or clause (wrapped lines starting in lower case continue it). */
  health: CompiledPhrase[];
  social: CompiledPhrase[];
  statusTail: RegExp;
  labels: Record<'id' | 'identity' | 'phone' | 'birth' | 'address' | 'ethnicity' | 'religion' | 'criminal' | 'health' | 'bank' | 'roles' | 'intro', CompiledPhrase[]>;
  nameColumn: RegExp;
  birthColumn: RegExp;
  addressColumn: RegExp;
  officeDomains: string[];
  kinds: Map<PersonalKind, PersonalDataFile['kinds'][number]>;
}

let cached: Patterns | null = null;

/** The data file's words compiled into patterns once. */
function patterns(source: PersonalDataFile = legalData().personal): Patterns {
  if (cached?.source === source) return cached;
  const v = source.vocabulary;
  const unit = `(?:${alternatives(v.addressUnits)})`;
  /** A place name: capitalised words (wrapped lines allowed), optionally a short number ("An Thạnh 1"). A capitalised word
   *  followed by a lower-case word starts a new phrase ("Người khuyết tật") and is not taken. */
  const placeName = `(?:${CAP_WORD}(?![ \\t]+\\p{Ll}))(?:\\s+${CAP_WORD}(?!\\s+\\p{Ll})(?![ \\t]+(?:1[89]|20)\\d{2}(?![\\d.,])))*(?:[ \\t]+\\d{1,3}[A-Z]?(?![\\d/]|[.,]\\d))?`;
  /** OCR may glue the unit to the name ("thị trấnCù Lao Dung"). */
  const addressPart = `(?<![${L}])(?:${unit})(?:\\s+|(?=${UP}))(?:\\d{1,4}[A-Z]?(?![\\d/]|[.,]\\d)|${placeName})`;
  const stop = `(?=[ \\t]+\\p{Lu}|[ \\t]+\\d{1,3}(?:\\.\\d{3})+|\\n|$|[;.](?:\\s|$))`;
  const compile = (words: string[]) => words.map((w) => compilePhrase(w, true));
  cached = {
    source,
    honorific: new RegExp(`(?<![${L}])(?:${alternatives(v.honorifics)})\\s+(${NAME})`, 'gu'),
    address: new RegExp(`${addressPart}(?:,\\s*${addressPart.replace('(?<![' + L + '])', '')})*`, 'gu'),
    land: new RegExp(`(?:${alternatives(v.landParcel.parcel)})\\s*\\d+,?\\s*(?:${alternatives(v.landParcel.map)})\\s*\\d+`, 'gu'),
    disability: new RegExp(`(${alternatives(v.disabilityRateLabels)})[^.;]{0,120}?(\\d{1,3}(?:,\\d+)?\\s?%)`, 'gu'),
    health: compile(v.healthTerms),
    social: compile(v.socialStatusTerms),
    statusTail: new RegExp(`(?:[ \\t]*[\\p{Ll}\\d°%,.()][^\\n]*?|)${stop}(?:\\n\\p{Ll}[^\\n]*?${stop})*`, 'uy'),
    labels: {
      id: compile(v.idLabels),
      identity: compile(v.identityNumberLabels),
      phone: compile(v.phoneLabels),
      birth: compile(v.birthLabels),
      address: compile(v.addressLabels),
      ethnicity: compile(v.ethnicityLabels),
      religion: compile(v.religionLabels),
      criminal: compile(v.criminalRecordTerms),
      health: compile(v.healthLabels),
      bank: compile(v.bankAccountLabels),
      roles: v.officeRoles.map((w) => compilePhrase(w, false)),
      intro: v.contactIntro.map((w) => compilePhrase(w, false)),
    },
    nameColumn: new RegExp(`(^|\\n)[^\\n]*(?<![a-z])(?:${foldedAlternatives(v.nameColumns)})(?![a-z])[^\\n]*`, 'g'),
    birthColumn: new RegExp(`(?<![a-z])(?:${foldedAlternatives(v.birthColumns)})(?![a-z])`),
    addressColumn: new RegExp(`(?<![a-z])(?:${foldedAlternatives(v.addressColumns)})(?![a-z])`),
    officeDomains: v.officeEmailDomains,
    kinds: new Map(source.kinds.map((k) => [k.kind, k])),
  };
  return cached;
}

/** Where the labels of one kind end in a page (OCR slips allowed: reading a label that is not
 *  there only protects more), so "a label right before this number" is a lookup. */
function labelEnds(ix: IndexedText, labels: CompiledPhrase[]): number[] {
  return labels.flatMap((l) => findPhrase(ix, l).map((m) => m.end));
}

/** A label ends within `gap` characters before `at`. */
const labelBefore = (ends: number[], at: number, gap: number) => ends.some((e) => e <= at && e >= at - gap);

interface TableRegion {
  start: number;
  end: number;
  rows: { start: number; end: number }[];
  columns: string;
}

/** Tables listing people: a header line with a name column ("Họ và tên"), rows opening with
 *  their number. The text layer wraps cells onto several lines, so a row runs to the next row. */
function peopleTables(text: string, folded: string, p: Patterns): TableRegion[] {
  const tables: TableRegion[] = [];
  p.nameColumn.lastIndex = 0;
  for (const m of folded.matchAll(p.nameColumn)) {
    const headerStart = m.index + m[1]!.length;
    // The header may wrap: take up to the first row.
    const rowRe = new RegExp(`\\n${ROW_NUMBER}(?=\\p{Lu})`, 'gu');
    const numberedRows = (startAt: number) => {
      rowRe.lastIndex = headerStart;
      const found: { start: number; end: number }[] = [];
      let expected = startAt;
      let at = -1;
      for (let r = rowRe.exec(text); r; r = rowRe.exec(text)) {
        const number = rowNumber(r[1]!);
        if (number !== expected) {
          if (found.length === 0) continue;
          // OCR misreads a row number now and then ("5" as "2") or loses one (the row then runs
          // into the one before): the table goes on when the next row carries the number after
          // (or, for a lost number, when this is the last row).
          const resume = rowRe.lastIndex;
          const next = rowRe.exec(text);
          rowRe.lastIndex = resume;
          const nextNumber = next ? rowNumber(next[1]!) : -1;
          if (nextNumber === expected + 1) {
            // this row is row `expected`, misread
          } else if (number === expected + 1 && (nextNumber === expected + 2 || !next)) expected = number;
          else break;
        }
        if (at < 0) at = r.index;
        if (found.length > 0) found[found.length - 1]!.end = r.index;
        found.push({ start: r.index + 1, end: text.length });
        expected += 1;
      }
      return { rows: found, first: at };
    };
    let { rows, first } = numberedRows(1);
    // A list continued from the previous page: its rows go on from there ("21", "22", …) under the
    // header repeated at the top of the page. Two consecutive rows at least, so a stray number does
    // not make a table.
    if (rows.length === 0) {
      rowRe.lastIndex = headerStart;
      const firstNumber = rowRe.exec(text);
      if (firstNumber) ({ rows, first } = numberedRows(rowNumber(firstNumber[1]!)));
      if (rows.length < 2) continue;
    }
    // The last row ends at a line that is not part of a row (a total, a note, the page number).
    const lastRow = rows[rows.length - 1]!;
    const tail = /\n(?:tổng|cộng|ghi chú|\(|\d{1,3}\s*$)/iu.exec(text.slice(lastRow.start));
    if (tail) lastRow.end = lastRow.start + tail.index;
    tables.push({ start: headerStart, end: lastRow.end, rows, columns: folded.slice(headerStart, first) });
  }
  return tables;
}

function push(out: PersonalFinding[], page: number, kind: PersonalKind, text: string, start: number, rule: string): void {
  const trimmed = text.replace(/[\s,;.]+$/u, '');
  const lead = trimmed.length - trimmed.trimStart().length;
  const value = trimmed.trim();
  if (!value) return;
  if (out.some((f) => f.page === page && f.kind === kind && f.start <= start + lead && f.end >= start + lead + value.length)) return;
  out.push({ kind, text: value, page, start: start + lead, end: start + lead + value.length, rule });
}

const PERSON_ANCHORS: ReadonlySet<PersonalKind> = new Set(['name', 'cccd', 'cmnd', 'identity-number']);

const near = (findings: PersonalFinding[], page: number, at: number, distance: number) =>
  findings.some((f) => f.page === page && PERSON_ANCHORS.has(f.kind) && Math.abs(f.start - at) <= distance);

/** Where the sentence holding `at` starts (after the last ". ", "; ", "! " or "? " before it). */
function sentenceStart(text: string, at: number): number {
  const window = text.slice(Math.max(0, at - 200), at);
  const cut = window.search(/[.;!?](?=\s)[^.;!?]*$/u);
  return cut >= 0 ? at - window.length + cut + 1 : at - window.length;
}

const CONTACT_KINDS: ReadonlySet<PersonalKind> = new Set(['phone', 'email', 'address']);

const says = (text: string, phrases: CompiledPhrase[]) => {
  const ix = indexText(text);
  return phrases.some((l) => findPhrase(ix, l).length > 0);
};

/**
 * Contacts (phone, e-mail, address) of an office or of its focal point, not of a private person:
 * an official e-mail domain; or, in the contact's sentence, a role after the person's name ("bà X,
 * chuyên viên Văn phòng, điện thoại …") or a word introducing the person as the contact ("liên
 * hệ bà X", "đầu mối: ông Y"); or, when the sentence names nobody, a role or an introduction in it
 * ("Hồ sơ nộp tại Phòng Nội vụ, địa chỉ: …"). Never when the person's other data (a birth date, an
 * ID number, health…) is within 200 characters: then the contact is that person's — except an
 * official mailbox.
 */
function officeContacts(text: string, pageFindings: PersonalFinding[], p: Patterns): Set<PersonalFinding> {
  const office = new Set<PersonalFinding>();
  for (const f of pageFindings) {
    if (!CONTACT_KINDS.has(f.kind)) continue;
    // An official mailbox (…@soctrang.gov.vn) is an office's whoever is named beside it.
    const mail = f.text.toLowerCase();
    if (f.kind === 'email' && p.officeDomains.some((d) => mail.endsWith('.' + d) || mail.endsWith('@' + d))) {
      office.add(f);
      continue;
    }
    const personal = pageFindings.some((o) => !CONTACT_KINDS.has(o.kind) && o.kind !== 'name' && Math.abs(o.start - f.start) <= 200);
    if (personal) continue;
    const from = sentenceStart(text, f.start);
    const name = pageFindings.filter((o) => o.kind === 'name' && o.start >= from && o.end <= f.start).pop();
    const isOffice = name
      ? says(text.slice(name.end, f.start), p.labels.roles) || says(text.slice(Math.max(from, name.start - 30), name.start), p.labels.intro)
      : says(text.slice(from, f.start), p.labels.roles) || says(text.slice(from, f.start), p.labels.intro);
    if (isOffice) office.add(f);
  }
  return office;
}

export function findPersonalData(pages: PageText[], source?: PersonalDataFile): PersonalFinding[] {
  const p = patterns(source);
  const out: PersonalFinding[] = [];
  for (const page of pages) {
    const text = page.text.normalize('NFC');
    const folded = foldSameLength(text);
    const tables = peopleTables(text, folded, p);
    const inTable = (at: number) => tables.find((t) => at >= t.start && at < t.end);
    const rowOf = (at: number) => inTable(at)?.rows.find((r) => at >= r.start && at < r.end);
    const pageOut: PersonalFinding[] = [];
    const ix = indexText(text);
    const ends = {
      id: labelEnds(ix, p.labels.id),
      phone: labelEnds(ix, p.labels.phone),
      birth: labelEnds(ix, p.labels.birth),
      address: labelEnds(ix, p.labels.address),
    };

    // Identifiers.
    for (const m of text.matchAll(CCCD)) push(pageOut, page.n, 'cccd', m[0], m.index, 'personal.cccd');
    for (const m of text.matchAll(CMND)) {
      if (labelBefore(ends.id, m.index, 40)) push(pageOut, page.n, 'cmnd', m[0], m.index, 'personal.cmnd');
    }
    for (const m of text.matchAll(SPLIT_ID)) {
      const digits = m[0].replace(/\D/g, '').length;
      if ((digits === 12 || digits === 9) && labelBefore(ends.id, m.index, 40)) push(pageOut, page.n, digits === 12 ? 'cccd' : 'cmnd', m[0], m.index, `personal.${digits === 12 ? 'cccd' : 'cmnd'}`);
    }
    for (const [labels, kind] of [
      [p.labels.identity, 'identity-number'],
      [p.labels.bank, 'bank-account'],
    ] as const) {
      for (const label of labels) {
        for (const m of findPhrase(ix, label)) {
          const after = CODE_AFTER_LABEL.exec(folded.slice(m.end, m.end + 40));
          const at = m.end + (after ? after[0].length - after[1]!.length : 0);
          if (after && after[1]!.replace(/\D/g, '').length >= 5) push(pageOut, page.n, kind, text.slice(at, at + after[1]!.length), at, `personal.${kind}`);
        }
      }
    }
    for (const m of text.matchAll(MOBILE)) push(pageOut, page.n, 'phone', m[0], m.index, 'personal.phone');
    for (const m of text.matchAll(LANDLINE)) {
      if (labelBefore(ends.phone, m.index, 25)) push(pageOut, page.n, 'phone', m[0], m.index, 'personal.phone');
    }
    for (const m of text.matchAll(EMAIL)) push(pageOut, page.n, 'email', m[0], m.index, 'personal.email');

    // Names: after an honorific, or the name cell of a people table.
    p.honorific.lastIndex = 0;
    for (const m of text.matchAll(p.honorific)) push(pageOut, page.n, 'name', m[1]!, m.index + m[0].length - m[1]!.length, 'personal.name.honorific');
    for (const table of tables) {
      for (const row of table.rows) {
        const rowText = text.slice(row.start, row.end);
        const cell = new RegExp(`^${ROW_NUMBER}(${CELL_NAME})`, 'u').exec(rowText);
        if (cell) push(pageOut, page.n, 'name', cell[2]!, row.start + cell[0].length - cell[2]!.length, 'personal.name.table');
        // A row whose number OCR lost runs into the row before: a later line of it that opens
        // with a name and holds an ID number is another person's row.
        for (const line of rowText.matchAll(UNNUMBERED_ROW)) push(pageOut, page.n, 'name', line[1]!, row.start + line.index + 1, 'personal.name.table');
      }
    }

    // Dates of birth: after "sinh ngày"/"ngày sinh", or in a people table with a birth column.
    for (const m of text.matchAll(DATE)) {
      const table = inTable(m.index);
      if (labelBefore(ends.birth, m.index, 3) || (table && p.birthColumn.test(table.columns))) push(pageOut, page.n, 'birth-date', m[0], m.index, 'personal.birth-date');
    }

    // Addresses: after "nơi cư trú:", "địa chỉ:"…, or in a people table with an address column.
    p.address.lastIndex = 0;
    for (const m of text.matchAll(p.address)) {
      const table = inTable(m.index);
      const tableAddress = table && p.addressColumn.test(table.columns) && rowOf(m.index);
      if (labelBefore(ends.address, m.index, 3) || tableAddress) push(pageOut, page.n, 'address', m[0], m.index, 'personal.address');
    }
    p.land.lastIndex = 0;
    for (const m of text.matchAll(p.land)) {
      if (near(pageOut, page.n, m.index, 600)) push(pageOut, page.n, 'land-parcel', m[0], m.index, 'personal.land-parcel');
    }

    // Ethnicity and religion: the label with a capitalised value, not part of a body's name ("Ban Dân tộc").
    for (const [labels, kind] of [
      [p.labels.ethnicity, 'ethnicity'],
      [p.labels.religion, 'religion'],
    ] as const) {
      for (const label of labels) {
        for (const m of findPhrase(ix, label)) {
          if (/\p{Lu}\p{Ll}*[ \t]+$/u.test(text.slice(Math.max(0, m.start - 12), m.start))) continue;
          const value = CAPITALISED_VALUE.exec(text.slice(m.end, m.end + 40));
          if (value) push(pageOut, page.n, kind, text.slice(m.start, m.end + value[0].length), m.start, `personal.${kind}`);
        }
      }
    }
    // Criminal records and labelled health data: the term and the rest of its clause.
    for (const [labels, kind] of [
      [p.labels.criminal, 'criminal-record'],
      [p.labels.health, 'health'],
    ] as const) {
      for (const label of labels) {
        for (const m of findPhrase(ix, label)) {
          const rest = /^(?:[^\n.;]|\n(?!\n)){0,80}/u.exec(text.slice(m.end))![0];
          if (kind === 'health' && !/\p{L}/u.test(rest)) continue;
          push(pageOut, page.n, kind, text.slice(m.start, m.end) + rest, m.start, `personal.${kind}`);
        }
      }
    }

    // Health and social-assistance status of the persons found above.
    for (const [terms, kind] of [
      [p.health, 'health'],
      [p.social, 'social-status'],
    ] as const) {
      for (const term of terms) {
        for (const m of findPhrase(ix, term)) {
          const row = rowOf(m.start);
          if (!(row ? pageOut.some((f) => f.kind === 'name' && f.start >= row.start && f.start < row.end) : near(pageOut, page.n, m.start, 400))) continue;
          p.statusTail.lastIndex = m.end;
          const tail = p.statusTail.exec(text)?.[0] ?? '';
          push(pageOut, page.n, kind, text.slice(m.start, m.end) + tail, m.start, `personal.${kind}`);
        }
      }
    }
    p.disability.lastIndex = 0;
    for (const m of text.matchAll(p.disability)) {
      if (near(pageOut, page.n, m.index, 800)) push(pageOut, page.n, 'health', m[2]!, m.index + m[0].length - m[2]!.length, 'personal.health');
    }

    const office = officeContacts(text, pageOut, p);
    out.push(...pageOut.filter((f) => !office.has(f)));
  }
  return out.sort((a, b) => a.page - b.page || a.start - b.start);
}

/** How far from a name or ID a finding still belongs to that person: sensitive data weighs more,
 *  so it is tied from further away. */
const TIE_DISTANCE = { basic: 500, sensitive: 800 };

/** A personal finding that belongs to a private person: an identifier, or data with weight next
 *  to a named person or an identifier. A name alone, or data with no person beside it, is not. */
export function tiedToPerson(f: PersonalFinding, all: PersonalFinding[], source?: PersonalDataFile): boolean {
  const kind = patterns(source).kinds.get(f.kind);
  if (!kind || kind.weight === 0) return false;
  if (kind.identifies) return true;
  const distance = kind.article === 4 ? TIE_DISTANCE.sensitive : TIE_DISTANCE.basic;
  return all.some((o) => o !== f && o.page === f.page && PERSON_ANCHORS.has(o.kind) && Math.abs(o.start - f.start) <= distance);
}

/** The findings that are personal data of private persons, split by Decree 356 article
 *  (basic: Art. 3, sensitive: Art. 4); sensitive first in each list's use. */
export function personalDataOfPersons(findings: PersonalFinding[], source?: PersonalDataFile): { basic: PersonalFinding[]; sensitive: PersonalFinding[] } {
  const p = patterns(source);
  const tied = findings.filter((f) => tiedToPerson(f, findings, source));
  return {
    basic: tied.filter((f) => p.kinds.get(f.kind)?.article === 3),
    sensitive: tied.filter((f) => p.kinds.get(f.kind)?.article === 4),
  };
}

/** The data file's description of a kind ("Số định danh cá nhân, số căn cước công dân"). */
export function personalKindTitle(kind: PersonalKind): string {
  return patterns().kinds.get(kind)?.titleVi ?? kind;
}

/** Folded text of a finding, for comparisons that ignore line breaks and accents. */
export function foldedFinding(f: PersonalFinding): string {
  return fold(f.text).replace(/\s+/g, ' ');
}
