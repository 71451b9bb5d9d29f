/**
 * Header fields of a Decree 30/2020 document, read from page text (text layer or OCR).
 *
 * Works on lines, matching keywords on folded text (so OCR's lost or swapped diacritics still
 * match), and tolerates the two header columns arriving in either order or read across
 * ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line).
 */
import type { HeaderKey } from '../../../shared/domain/header';
import { collapse, isUpperLine, pageLines, type PageText, type TextLine } from './pageText';
import {
  bodyCase,
  expandAbbreviations,
  localityText,
  lower,
  normaliseTonePlacement,
  officialTitleCase,
  splitLocality,
  titleCase,
} from './vietnameseCase';
import { typeFromNotation, typeFromTitle } from './documentTypes';
import { findStamps } from './stamps';

export interface FieldValue {
  value: string;
  confidence: number;
  page: number;
  spanStart: number;
  spanEnd: number;
}

export type ExtractedHeader = Partial<Record<HeaderKey, FieldValue>> & { recipients?: FieldValue };

const MOTTO = /cong\s*hoa\s*xa\s*hoi\s*chu\s*nghia\s*viet\s*nam|doc\s*lap\s*[-–]?\s*tu\s*do\s*[-–]?\s*hanh\s*phuc/g;
const DATE = /(?:^|[\s,])ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/;
const NUMBER_LINE = /^s[o0]\s*[:;.]?\s*(\d{1,6})\s*\/\s*([a-z0-9][a-z0-9\s\-/&.]*)/;
const SUBJECT_VV = /^v\s*[/.]\s*v\b\.?/;
const ISSUER_START = [
  'uy ban', 'ubnd', 'hoi dong', 'hdnd', 'so ', 'ban ', 'bo ', 'trung tam', 'thanh tra', 'cuc ', 'chi cuc', 'tong cuc',
  'phong ', 'van phong', 'cong an', 'toa an', 'vien ', 'kho bac', 'benh vien', 'dang uy', 'truong ', 'chqs', 'bchqs',
];
const SUBJECT_STOP = /^(kinh gui|can cu|thuc hien|theo |xet |ngay \d|vao luc|thoi gian|dia diem|thanh phan|i\.|1\.|dieu 1|chu tri)/;

function field(line: TextLine, value: string, confidence: number, from = 0, to = line.text.length): FieldValue {
  return { value, confidence, page: line.page, spanStart: line.start + from, spanEnd: line.start + to };
}

function fieldSpan(lines: TextLine[], value: string, confidence: number): FieldValue {
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  return { value, confidence, page: first.page, spanStart: first.start, spanEnd: last.end };
}

/** The header zone: lines of page 1 before the body, with motto text cut out. */
function headerLines(lines: TextLine[]): TextLine[] {
  return lines.slice(0, 30).map((l) => {
    MOTTO.lastIndex = 0;
    if (!MOTTO.test(l.folded)) return l;
    MOTTO.lastIndex = 0;
    let text = '';
    let folded = '';
    let last = 0;
    for (const m of l.folded.matchAll(MOTTO)) {
      text += l.text.slice(last, m.index) + ' '.repeat(m[0].length);
      folded += l.folded.slice(last, m.index) + ' '.repeat(m[0].length);
      last = m.index + m[0].length;
    }
    text += l.text.slice(last);
    folded += l.folded.slice(last);
    return { ...l, text, folded };
  });
}

function isMottoOnly(line: TextLine): boolean {
  return line.text.trim() === '';
}

function issuerStarts(folded: string): boolean {
  const f = folded.trim();
  return ISSUER_START.some((k) => f.startsWith(k)) && !/^truong$/.test(f) && !/^so\s*[:;.]?\s*\d/.test(f);
}

function extractIssuer(zone: TextLine[], stopIndex: number): FieldValue | null {
  const candidates: TextLine[] = [];
  for (const l of zone.slice(0, stopIndex)) {
    const text = l.text.trim();
    if (!text) continue;
    if (!isUpperLine(text)) break;
    if (findStamps([{ n: 1, text }]).length > 0) continue;
    candidates.push({ ...l, text, folded: l.folded.trim() });
  }
  if (candidates.length === 0) return null;
  // Group lines into bodies: a line opening with a body word starts a new one.
  const groups: TextLine[][] = [];
  for (const l of candidates) {
    if (groups.length === 0 || issuerStarts(l.folded)) groups.push([l]);
    else groups[groups.length - 1]!.push(l);
  }
  const own = groups[groups.length - 1]!;
  const parent = groups.length > 1 ? groups[groups.length - 2]! : null;
  const ownCaps = expandAbbreviations(own.map((l) => l.text).join(' '));
  const { body, locality } = splitLocality(ownCaps);
  let place = locality;
  if (parent && (!locality || !locality.name)) {
    const parentLocality = splitLocality(expandAbbreviations(parent.map((l) => l.text).join(' '))).locality;
    if (parentLocality?.name && (!locality || locality.type === parentLocality.type)) place = parentLocality;
  }
  const name = [bodyCase(body), place ? localityText(place) : ''].filter(Boolean).join(' ');
  const confidence = own.length <= 3 ? 0.9 : 0.7;
  return fieldSpan(parent ? [...parent, ...own] : own, name, confidence);
}

function extractSigner(lines: TextLine[]): { signer: FieldValue | null; title: FieldValue | null; titleLines: TextLine[] } {
  let end = lines.length - 1;
  while (end >= 0 && /^[\d\s\-–.]+$/.test(lines[end]!.text)) end -= 1; // page number
  const nameLine = lines[end];
  if (!nameLine || isUpperLine(nameLine.text)) return { signer: null, title: null, titleLines: [] };
  const titleLines: TextLine[] = [];
  for (let i = end - 1; i >= 0 && titleLines.length < 4; i -= 1) {
    const t = lines[i]!.text;
    if (!isUpperLine(t) || /:$/.test(t)) break;
    titleLines.unshift(lines[i]!);
  }
  const signer = field(nameLine, normaliseTonePlacement(collapse(nameLine.text)), titleLines.length > 0 ? 0.9 : 0.5);
  if (titleLines.length === 0) return { signer, title: null, titleLines };
  // "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": the person's own title is the last line; "Q. GIÁM ĐỐC" alone
  // is an acting head.
  const last = titleLines[titleLines.length - 1]!;
  const authority = /^(kt|tm|tl|tuq|q)\s*\.\s*/.exec(last.folded);
  let title: string;
  if (authority) {
    const rest = last.text.slice(authority[0].length);
    title = authority[1] === 'q' ? `Quyền ${lower(officialTitleCase(rest))}` : officialTitleCase(rest);
  } else title = officialTitleCase(last.text);
  return { signer, title: field(last, title, 0.85), titleLines };
}

/** Meeting minutes: the chair signs on the right; their title is stated "X (chủ trì)". */
function minutesChair(lines: TextLine[], allText: string): { signer: FieldValue | null; title: string | null } {
  let signer: FieldValue | null = null;
  for (let i = lines.length - 2; i >= 0; i -= 1) {
    if (/^chu (tri|toa)$/.test(lines[i]!.folded.trim())) {
      const name = lines[i + 1]!;
      if (!isUpperLine(name.text)) signer = field(name, normaliseTonePlacement(collapse(name.text)), 0.85);
      break;
    }
  }
  const m = /(?:^|[:;,.\n])\s*([^:;,.\n(]{3,60}?)\s*\((chủ trì|chủ tọa|chủ toạ)\)/u.exec(allText);
  const title = m ? `${collapse(m[1]!)} (${m[2] === 'chủ toạ' ? 'chủ tọa' : m[2]})` : null;
  return { signer, title };
}

function extractRecipients(lines: TextLine[]): FieldValue | null {
  const start = lines.findIndex((l) => /^noi nhan\s*:/.test(l.folded));
  if (start < 0) return null;
  const items: TextLine[] = [];
  const first = lines[start]!.text.replace(/^[^:]*:\s*/, '');
  if (first) items.push({ ...lines[start]!, text: first });
  for (let i = start + 1; i < lines.length; i += 1) {
    const t = lines[i]!.text;
    if (!/^[-–+•]/.test(t)) break;
    items.push(lines[i]!);
  }
  if (items.length === 0) return null;
  const value = items.map((l) => collapse(l.text.replace(/^[-–+•]\s*/, ''))).join('\n');
  return fieldSpan([lines[start]!, ...items], value, 0.8);
}

export function extractHeader(pages: PageText[]): ExtractedHeader {
  const header: ExtractedHeader = {};
  const first = pages[0];
  if (!first) return header;
  const lines = pageLines(first);
  const zone = headerLines(lines);

  // Number and notation: "Số: 3869 /UBND-NC", "So: 3869/UBND- NC".
  let numberIndex = -1;
  for (const l of zone) {
    const m = NUMBER_LINE.exec(l.folded.trim());
    if (!m) continue;
    const offset = l.folded.indexOf(m[1]!);
    const notationStart = l.folded.indexOf('/', offset) + 1;
    // The notation ends where another header part (a stamp, the date) begins.
    const rest = l.text.slice(notationStart).trim();
    const notation = (/^[\p{L}\d][\p{L}\d\s\-/&.]*?(?=\s{2,}|\s+\p{Lu}\p{Ll}|\s+(?:MẬT|TỐI MẬT|TUYỆT MẬT|KHẨN|HỎA TỐC|THƯỢNG KHẨN)\b|$)/u.exec(rest)?.[0] ?? rest)
      .replace(/\s+/g, '')
      .replace(/[.,;]+$/, '');
    if (!notation) continue;
    numberIndex = l.index;
    const number = m[1]!;
    header.number = field(l, number, 0.95, offset, offset + number.length);
    header.notation = field(l, notation, 0.9, notationStart, notationStart + rest.length);
    header.numberNotation = field(l, `${number}/${notation}`, 0.9, offset, notationStart + rest.length);
    break;
  }

  // Place and date: "Sóc Trăng, ngày 26 tháng 11 năm 2024".
  let dateIndex = -1;
  for (const l of zone) {
    const m = DATE.exec(l.folded);
    if (!m) continue;
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (d < 1 || d > 31 || mo < 1 || mo > 12) continue;
    dateIndex = l.index;
    const at = m.index + (m[0].startsWith('ngay') ? 0 : 1);
    header.issuedDate = field(l, `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, 0.95, at, m.index + m[0].length);
    const before = l.text.slice(0, at).replace(/[,\s]+$/, '').trim();
    // The place is the last phrase before the comma (a header read across may put more in front).
    const place = before.split(/\s{2,}|(?<=\p{Ll})\s+(?=\p{Lu}{2,})/u).pop()?.trim();
    if (place && place.length <= 40) {
      const p = isUpperLine(place) ? titleCase(place) : normaliseTonePlacement(place);
      header.place = field(l, p, 0.9, l.text.indexOf(place), l.text.indexOf(place) + place.length);
    }
    break;
  }

  const issuerStop = numberIndex >= 0 ? numberIndex : dateIndex >= 0 ? dateIndex : 6;
  const issuer = extractIssuer(zone, issuerStop);
  if (issuer) header.issuer = issuer;

  // Stamps (secrecy, urgency) in the header zone of page 1.
  for (const stamp of findStamps([first]).filter((s) => s.lineIndex < 20)) {
    const key = stamp.kind === 'secrecy' ? 'secrecy' : 'urgency';
    if (!header[key]) header[key] = { value: stamp.level, confidence: 0.9, page: stamp.page, spanStart: stamp.start, spanEnd: stamp.end };
  }

  // Type and subject.
  const afterHeader = Math.max(numberIndex, dateIndex, 0);
  let titleLine: TextLine | null = null;
  for (const l of zone.slice(0, 30)) {
    if (l.index < Math.min(numberIndex < 0 ? 99 : numberIndex, dateIndex < 0 ? 99 : dateIndex) && l.index < 4) continue;
    const type = typeFromTitle(l.text);
    if (type && isUpperLine(l.text)) {
      titleLine = l;
      header.docType = field(l, type, 0.95);
      break;
    }
  }
  const vvLine = zone.find((l) => SUBJECT_VV.test(l.folded.trim()));
  let subjectLines: TextLine[] = [];
  if (vvLine) {
    subjectLines = [vvLine];
    for (let i = vvLine.index + 1; i < zone.length; i += 1) {
      const l = zone[i]!;
      if (!l.text.trim() || isMottoOnly(l) || isUpperLine(l.text) || DATE.test(l.folded) || SUBJECT_STOP.test(l.folded.trim())) break;
      subjectLines.push(l);
    }
    if (!header.docType) header.docType = field(vvLine, 'Công văn', 0.85);
  } else if (titleLine) {
    for (let i = titleLine.index + 1; i < lines.length && subjectLines.length < 5; i += 1) {
      const l = lines[i]!;
      if (isUpperLine(l.text) || SUBJECT_STOP.test(l.folded) || /(tran trong|kinh moi|kinh trinh|:$)/.test(l.folded)) break;
      subjectLines.push(l);
    }
  }
  if (subjectLines.length > 0) {
    const text = collapse(subjectLines.map((l) => l.text).join(' ')).replace(/^V\s*[/.]\s*v\.?\s*/iu, 'V/v ');
    header.subject = fieldSpan(subjectLines, normaliseTonePlacement(text), vvLine ? 0.85 : 0.8);
  }
  if (!header.docType && header.notation) {
    const type = typeFromNotation(header.notation.value);
    if (type) header.docType = { ...header.notation, value: type, confidence: 0.6 };
  }
  void afterHeader;

  // Signature block: on the last page, or before an appendix (the last page ending in a
  // title block over a name).
  let lastLines = pageLines(pages[pages.length - 1]!);
  for (let p = pages.length - 1; p >= 0; p -= 1) {
    const candidate = pageLines(pages[p]!);
    if (extractSigner(candidate).titleLines.length > 0) {
      lastLines = candidate;
      break;
    }
  }
  if (header.docType?.value === 'Biên bản') {
    const chair = minutesChair(lastLines, pages.map((p) => p.text).join('\n'));
    if (chair.signer) header.signer = chair.signer;
    if (chair.title) header.signerTitle = { ...(chair.signer ?? fieldSpan(lastLines.slice(-1), '', 0.6)), value: chair.title.replace(/^./u, (c) => c.toLocaleUpperCase('vi')), confidence: 0.7 };
  }
  if (!header.signer) {
    const { signer, title } = extractSigner(lastLines);
    if (signer) header.signer = signer;
    if (title && !header.signerTitle) header.signerTitle = title;
  }
  const recipients = extractRecipients(lastLines) ?? (pages.length > 1 ? extractRecipients(lines) : null);
  if (recipients) header.recipients = recipients;
  return header;
}
