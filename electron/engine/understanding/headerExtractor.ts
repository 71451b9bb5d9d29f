/**
 * Header fields of a Decree 30/2020 document, read from page text (text layer or OCR).
 *
 * Works on lines, matching keywords on folded text (so OCR's lost or swapped diacritics still
 * match), and tolerates the two header columns arriving in either order or read across
 * ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" on one line).
 */
import type { HeaderKey } from '../../../shared/domain/header';
import { collapse, foldSameLength, isUpperLine, pageLines, type PageText, type TextLine } from './pageText';
import { cells, despaced, editDistance, isDebris, ocrSimilar, restorePhrases, stripEdgeNoise, unglueAbbreviations } from './ocrNoise';
import { fold } from '../../../shared/text/vietnamese';
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
import { typeAtLineStart, typeFromNotation, typeFromTitle } from './documentTypes';
import { findStamps } from './stamps';
import { headerVocabulary } from './headerVocabulary';

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
/** "Số: 3869 /UBND-NC"; OCR may lose the slash ("Số: 35UBND-NC") — then the notation must be a
 *  code with a dash right after the digits. */
const NUMBER_LINE = /^s[o0]\s*[:;.]?\s*(\d{1,6})\s*(?:\/\s*|(?=[a-z]{1,8}-[a-z]))([a-z0-9][a-z0-9\s\-/&.]*)/;
const SUBJECT_VV = /^v\s*[/.]\s*v\b\.?/;
const SUBJECT_STOP = /^(kinh gui|can cu|thuc hien|theo |xet |ngay \d|vao luc|thoi gian|dia diem|thanh phan|i\.|1\.|dieu 1|chu tri)/;

/** A line opening with two or more words in capitals ("CHỦ TỊCH ỦY BAN NHÂN DÂN …",
 *  "ỦY BAN NHÂN DÂN TỈNH … Căn cứ"): the authority line after a title, never part of a subject. */
const CAPITALS_RUN_START = /^(?:[IVX]+\.\s*)?\p{Lu}{2,}(?:\s+\p{Lu}{2,})+(?!\p{Ll})/u;
/** Inside a subject OCR has run into the next block: a section heading ("I. TÌNH HÌNH") or an
 *  authority line in capitals. */
const CAPITALS_RUN_INSIDE = /\s+(?:[IVX]+\.\s*)?\p{Lu}{2,}(?:\s+\p{Lu}{2,})+(?!\p{Ll}).*$/u;

/** Subject text from OCR: cut where the next block ran in, drop stray periods before a lower-case
 *  word or a digit ("đối với. đối tượng") and debris at the ends, restore known phrases. */
function cleanSubject(text: string): string {
  const cut = text.replace(CAPITALS_RUN_INSIDE, '');
  const periods = cut.replace(/(?<=\p{L})\.\s+(?=[\p{Ll}\d])/gu, ' ');
  return restorePhrases(stripEdgeNoise(periods));
}

/** Folded line without OCR debris in front ("— Thời gian:"), for the subject's stop words. */
const stopText = (l: TextLine) => l.folded.trim().replace(/^[^a-z0-9]+/, '');

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
  // Words opening an issuer line (header-vocabulary.json `issuerStarts`).
  return headerVocabulary().issuerStarts.some((k) => f.startsWith(k)) && !/^truong$/.test(f) && !/^so\s*[:;.]?\s*\d/.test(f);
}

function extractIssuer(zone: TextLine[], stopIndex: number): FieldValue | null {
  const candidates: TextLine[] = [];
  for (const l of zone.slice(0, stopIndex)) {
    if (!l.text.trim()) continue;
    // A header read across puts both columns on one line (tabs, or the gap the motto left):
    // each cell is a candidate; cells of OCR debris ("ˆ", "w", "aa_n.Ặ.") are dropped.
    const parts = cells(l.text)
      .map((c) => ({ ...c, text: stripEdgeNoise(unglueAbbreviations(c.text)) }))
      .filter((c) => c.text && !isDebris(c.text));
    const upper = parts.filter((c) => isUpperLine(c.text));
    if (upper.length === 0) {
      if (parts.some((c) => c.text.length > 3)) break;
      continue;
    }
    for (const c of upper) {
      if (findStamps([{ n: 1, text: c.text }]).length > 0) continue;
      candidates.push({ ...l, text: c.text, folded: foldSameLength(c.text), start: l.start + c.offset, end: l.start + c.offset + c.text.length });
    }
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

/** The official title a capitals cell names ("GIAM ĐỌC" → "Giám đốc"), tolerating OCR slips: one of
 *  the titles a signer may hold (header-vocabulary.json `signerTitles`), folded and despaced. */
export function recogniseTitle(cell: string): { title: string; exact: boolean } | null {
  const d = despaced(cell);
  if (d.length < 4) return null;
  let best: { title: string; distance: number } | null = null;
  for (const t of headerVocabulary().signerTitles) {
    const k = despaced(t);
    const distance = editDistance(d, k);
    if (distance <= Math.ceil(k.length / 4) && (!best || distance < best.distance)) best = { title: t, distance };
  }
  return best ? { title: best.title, exact: best.distance === 0 } : null;
}

/** "KT. CHỦ TỊCH", "TM.ỦY BAN NHÂN DÂN", and OCR's "T. GIÁM ĐỐC" / "L. CHỦ TỊCH" (a letter of
 *  KT./TL. lost): the authority a signer signs under and the head it names. */
function authorityOf(cell: string): { kind: 'kt' | 'tm' | 'tl' | 'q'; head: string } | null {
  const m = /^(kt|tm|tl|tuq|q|t|l|k)\s*[.,]\s*(?=\S)/.exec(fold(cell));
  if (!m) return null;
  const head = cell.slice(m[0].length);
  const kind = m[1] === 'tm' ? 'tm' : m[1] === 'tl' || m[1] === 'tuq' || m[1] === 'l' ? 'tl' : m[1] === 'q' ? 'q' : 'kt';
  return { kind, head };
}

interface TitleItem {
  line: TextLine;
  authority: ReturnType<typeof authorityOf>;
  title: { title: string; exact: boolean } | null;
  office: string | null;
}

/** The signer's title from the title block: the Decree 30 forms are "X", "KT. X / PHÓ X",
 *  "TM. BODY / X", "TL. X / Y", "Q. X". OCR loses words in it (the seal and signature overprint
 *  it), so the form is used to restore what is missing: under KT. the signer is the deputy
 *  ("Phó X") whatever the second line kept; a title repeated on two lines ("GIÁM ĐỐC / LAM ĐỌC")
 *  is a KT. block whose "KT." and "PHÓ" were lost; TM. of a people's committee or council is
 *  signed by its Chủ tịch. */
function signerTitle(items: TitleItem[]): { title: string; line: TextLine; confidence: number } | null {
  const a = [...items].reverse().find((i) => i.authority);
  if (a?.authority) {
    const after = items.slice(items.indexOf(a) + 1).filter((i) => i.title || i.office);
    const head = recogniseTitle(a.authority.head);
    const next = after.find((i) => i.title);
    if (a.authority.kind === 'kt' && head) {
      const deputy = head.title.startsWith('Phó ') ? head.title : `Phó ${head.title}`;
      return { title: deputy, line: next?.line ?? a.line, confidence: next ? 0.85 : 0.7 };
    }
    if (a.authority.kind === 'q' && head) return { title: `Quyền ${lower(head.title)}`, line: a.line, confidence: 0.8 };
    if (next?.title) return { title: next.title.title, line: next.line, confidence: next.title.exact ? 0.85 : 0.7 };
    if (a.authority.kind === 'tm') {
      // A collective body a head signs for ("TM. ỦY BAN NHÂN DÂN" → its Chủ tịch).
      const collective = headerVocabulary().collectiveHeads.find(([k]) => despaced(a.authority!.head) === k);
      if (collective) return { title: collective[1], line: a.line, confidence: 0.6 };
    }
    if (a.authority.kind === 'tl') {
      const office = after.find((i) => i.office);
      if (office?.office) return { title: office.office, line: office.line, confidence: 0.5 };
    }
    return null;
  }
  const titles = items.filter((i) => i.title);
  if (titles.length === 0) return null;
  const last = titles[titles.length - 1]!;
  const prev = titles[titles.length - 2];
  if (prev && prev.title!.title === last.title!.title && !last.title!.title.startsWith('Phó ')) {
    return { title: `Phó ${last.title!.title}`, line: last.line, confidence: 0.6 };
  }
  return { title: last.title!.title, line: last.line, confidence: last.title!.exact ? 0.85 : 0.7 };
}

/** A person's name as printed under a signature: 2–6 capitalised words, not all capitals. */
function looksLikeName(text: string): boolean {
  // A military rank may precede it ("Thượng tá Đinh Quốc Vương").
  const words = text.replace(/^(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)\s+/u, '').split(/\s+/);
  return words.length >= 2 && words.length <= 7 && words.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w)) && !isUpperLine(text);
}

function extractSigner(lines: TextLine[]): { signer: FieldValue | null; title: FieldValue | null; titleLines: TextLine[] } {
  let end = lines.length - 1;
  // Page numbers and OCR debris under the name.
  while (end >= 0 && (/^[\d\s\-–.]+$/.test(lines[end]!.text) || isDebris(stripEdgeNoise(lines[end]!.text)))) end -= 1;
  const nameLine = lines[end];
  const name = nameLine ? stripEdgeNoise(nameLine.text) : '';
  if (!nameLine || !name || isUpperLine(name)) return { signer: null, title: null, titleLines: [] };
  // The title block sits above the name, possibly beside "Nơi nhận" (columns read across).
  const items: TitleItem[] = [];
  for (let i = end - 1; i >= 0 && i >= end - 12; i -= 1) {
    const l = lines[i]!;
    if (/^noi nhan\b/.test(l.folded) && items.length > 0 && !cells(l.text).some((c) => isUpperLine(c.text))) break;
    const found: TitleItem[] = [];
    for (const c of cells(l.text)) {
      const text = stripEdgeNoise(c.text);
      if (!text || !isUpperLine(text)) continue;
      const authority = authorityOf(text);
      const title = authority ? null : recogniseTitle(text);
      // An office named where a title belongs under TL. is signed by its head.
      const office = authority || title ? null : (headerVocabulary().officeHeads.find(([k]) => despaced(text) === k)?.[1] ?? null);
      if (authority || title || office) found.push({ line: { ...l, text, folded: foldSameLength(text), start: l.start + c.offset, end: l.start + c.offset + c.text.length }, authority, title, office });
    }
    items.unshift(...found);
    // Body text above the block ends the search.
    if (found.length === 0 && !isUpperLine(l.text) && l.text.length > 60) break;
  }
  const titleLines = items.map((i) => i.line);
  const nameOk = looksLikeName(name) || items.length > 0;
  if (!nameOk) return { signer: null, title: null, titleLines: [] };
  const from = nameLine.text.indexOf(name);
  const signer = field(nameLine, normaliseTonePlacement(collapse(name)), items.length > 0 ? 0.9 : 0.5, from, from + name.length);
  const t = signerTitle(items);
  if (t) return { signer, title: field(t.line, t.title, t.confidence), titleLines };
  // A title not in the list ("CHỦ NHIỆM", "GIÁM ĐỐC TRUNG TÂM"): the clean capitals line right
  // above the name, as printed.
  const above = lines[end - 1];
  const text = above ? stripEdgeNoise(above.text) : '';
  const clean = /^(?:\p{Lu}{2,}|KT\.|TM\.|TL\.|TUQ\.|Q\.)(?:\s+\p{Lu}{2,})+$/u.test(text);
  const minutesRole = headerVocabulary().minutesRoles.some((r) => ocrSimilar(text, r));
  if (!above || !clean || minutesRole) return { signer, title: null, titleLines };
  const authority = /^(kt|tm|tl|tuq|q)\s*\.\s*/.exec(fold(text));
  const rest = authority ? text.slice(authority[0].length) : text;
  const title = authority?.[1] === 'q' ? `Quyền ${lower(officialTitleCase(rest))}` : officialTitleCase(rest);
  return { signer, title: field(above, title, 0.6), titleLines: [above] };
}

/** Meeting minutes: the chair signs on the right; their title is stated "X (chủ trì)". */
function minutesChair(lines: TextLine[], allText: string): { signer: FieldValue | null; title: string | null } {
  let signer: FieldValue | null = null;
  for (let i = lines.length - 2; i >= 0; i -= 1) {
    if (/^chu (tri|toa)$/.test(lines[i]!.folded.trim())) {
      // OCR may leave the signature's scribble as debris between the title and the name.
      const name = lines.slice(i + 1).find((l) => !isDebris(stripEdgeNoise(l.text)) && looksLikeName(stripEdgeNoise(l.text)));
      if (name) {
        const text = stripEdgeNoise(name.text);
        const from = name.text.indexOf(text);
        signer = field(name, normaliseTonePlacement(collapse(text)), 0.85, from, from + text.length);
      }
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
    const slash = l.folded.indexOf('/', offset);
    const notationStart = slash >= 0 && slash < l.folded.indexOf(m[2]!, offset + m[1]!.length) ? slash + 1 : offset + m[1]!.length;
    // The notation ends where another header part (a stamp, the date) begins.
    const rest = l.text.slice(notationStart).trim();
    const notation = (/^[\p{L}\d][\p{L}\d\s\-/&.]*?(?=\s{2,}|\s+\p{Lu}\p{Ll}|\s+(?:MẬT|TỐI MẬT|TUYỆT MẬT|KHẨN|HỎA TỐC|THƯỢNG KHẨN)\b|$)/u.exec(rest)?.[0] ?? rest)
      .replace(/\s+/g, '')
      .replace(/[-.,;_]+$/, ''); // OCR debris after the code ("TB-UBND. -")
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
  let titleRest: TextLine | null = null;
  for (const l of zone.slice(0, 30)) {
    if (l.index < Math.min(numberIndex < 0 ? 99 : numberIndex, dateIndex < 0 ? 99 : dateIndex) && l.index < 4) continue;
    const type = typeFromTitle(l.text);
    if (type && isUpperLine(l.text)) {
      titleLine = l;
      header.docType = field(l, type, 0.95);
      break;
    }
    // OCR: the title glued ("BIÊNBẢN") or followed on its line by the subject in sentence case.
    const at = typeAtLineStart(l.text);
    const rest = at ? l.text.slice(at.end).trim() : '';
    if (at && (rest === '' || /^\p{Lu}\p{Ll}/u.test(rest))) {
      titleLine = l;
      header.docType = field(l, at.type, 0.9, 0, at.end);
      if (rest) {
        const from = l.text.indexOf(rest, at.end);
        titleRest = { ...l, text: rest, folded: l.folded.slice(from, from + rest.length), start: l.start + from, end: l.start + from + rest.length };
      }
      break;
    }
  }
  const vvLine = zone.find((l) => SUBJECT_VV.test(l.folded.trim()));
  let subjectLines: TextLine[] = [];
  if (vvLine) {
    subjectLines = [vvLine];
    for (let i = vvLine.index + 1; i < zone.length; i += 1) {
      const l = zone[i]!;
      if (!l.text.trim() || isMottoOnly(l) || isUpperLine(l.text) || DATE.test(l.folded) || SUBJECT_STOP.test(stopText(l))) break;
      subjectLines.push(l);
    }
    if (!header.docType) header.docType = field(vvLine, 'Công văn', 0.85);
  } else if (titleLine) {
    if (titleRest) subjectLines.push(titleRest);
    for (let i = titleLine.index + 1; i < lines.length && subjectLines.length < 5; i += 1) {
      const l = lines[i]!;
      if (isUpperLine(l.text) || CAPITALS_RUN_START.test(l.text) || SUBJECT_STOP.test(stopText(l)) || /(tran trong|kinh moi|kinh trinh|:$)/.test(l.folded)) break;
      subjectLines.push(l);
    }
  }
  if (subjectLines.length > 0) {
    const text = collapse(subjectLines.map((l) => l.text).join(' ')).replace(/^V\s*[/.]\s*v\.?\s*/iu, 'V/v ');
    header.subject = fieldSpan(subjectLines, normaliseTonePlacement(cleanSubject(text)), vvLine ? 0.85 : 0.8);
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
