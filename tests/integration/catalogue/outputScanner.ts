/**
 * Every byte of an export as searchable text: plain files as UTF-8 (and Latin-1), PDFs
 * decompressed by qpdf (streams, metadata) plus their extracted text (pdftotext: the glyph-coded
 * page text), ZIP/XLSX/DOCX unpacked recursively. Matching is done on whitespace-collapsed text,
 * both as is and folded (no diacritics), and on the HTML/XML-escaped form of each needle.
 */
import { unzipSync } from 'fflate';
import { fold } from '../../../shared/text/vietnamese';
import { inflatedStreams, qpdfAndText } from '../../helpers/pdfTools';
import { loadPdfjs, pdfjsAssetUrls } from '../../../electron/engine/importing/pdfjsAssets';

export interface ScannedText {
  origin: string;
  text: string;
}

function pdfTexts(bytes: Uint8Array, origin: string): ScannedText[] {
  const { qdf: raw, text } = qpdfAndText(bytes);
  return [
    { origin: `${origin} (qpdf)`, text: raw.toString('utf8') },
    { origin: `${origin} (qpdf latin1)`, text: raw.toString('latin1') },
    { origin: `${origin} (utf16)`, text: utf16Strings(raw) },
    { origin: `${origin} (pdftotext)`, text },
  ];
}

/** PDF text strings may be UTF-16BE (hex or literal): decode every <FEFF…> hex string. */
function utf16Strings(raw: Buffer): string {
  const out: string[] = [];
  for (const m of raw.toString('latin1').matchAll(/<FEFF([0-9A-Fa-f]*)>/g)) {
    const hex = m[1]!;
    const buf = Buffer.from(hex, 'hex');
    for (let i = 0; i + 1 < buf.length; i += 2) out.push(String.fromCharCode(buf.readUInt16BE(i)));
    out.push('\n');
  }
  return out.join('');
}

export function scanBytes(bytes: Uint8Array, origin: string): ScannedText[] {
  const lower = origin.toLowerCase();
  const texts: ScannedText[] = [{ origin, text: Buffer.from(bytes).toString('utf8') }];
  if (lower.endsWith('.pdf')) texts.push(...pdfTexts(bytes, origin));
  if (/\.(zip|xlsx|docx)$/.test(lower)) {
    for (const [name, entry] of Object.entries(unzipSync(bytes))) texts.push(...scanBytes(entry, `${origin}!${name}`));
  }
  return texts;
}

/** The text of every page, read by pdf.js (one parse of the file). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await loadPdfjs();
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), ...pdfjsAssetUrls(), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : ' ') : '')).join(''));
    }
    return pages.join('\n');
  } finally {
    await doc.destroy();
  }
}

/** scanBytes without child processes (for tests that scan thousands of files): PDF streams
 *  inflated with zlib and the glyph-coded text read by pdf.js, in process. */
export async function scanBytesInProcess(bytes: Uint8Array, origin: string): Promise<ScannedText[]> {
  const lower = origin.toLowerCase();
  const texts: ScannedText[] = [{ origin, text: Buffer.from(bytes).toString('utf8') }];
  if (lower.endsWith('.pdf')) {
    const raw = inflatedStreams(bytes).map((b) => b.toString('latin1')).join('\n');
    texts.push({ origin: `${origin} (inflated)`, text: raw }, { origin: `${origin} (inflated utf8)`, text: Buffer.from(raw, 'latin1').toString('utf8') });
    texts.push({ origin: `${origin} (utf16)`, text: utf16Strings(Buffer.concat([Buffer.from(bytes), Buffer.from(raw, 'latin1')])) });
    texts.push({ origin: `${origin} (text)`, text: await pdfText(bytes) });
  }
  if (/\.(zip|xlsx|docx)$/.test(lower)) {
    for (const [name, entry] of Object.entries(unzipSync(bytes))) texts.push(...(await scanBytesInProcess(entry, `${origin}!${name}`)));
  }
  return texts;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ');
}

function escapes(s: string): string[] {
  const html = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  return [...new Set([s, html, JSON.stringify(s).slice(1, -1)])];
}

export interface Leak {
  needle: string;
  origin: string;
}

/** Collapsed and folded forms of a scanned text, made once per text (scans are reused across checks). */
const preparedTexts = new WeakMap<ScannedText, { origin: string; plain: string; folded: string }>();
function prepare(t: ScannedText): { origin: string; plain: string; folded: string } {
  let p = preparedTexts.get(t);
  if (!p) {
    const plain = collapse(t.text);
    preparedTexts.set(t, (p = { origin: t.origin, plain, folded: fold(plain) }));
  }
  return p;
}

export function findLeaks(texts: ScannedText[], needles: string[]): Leak[] {
  const prepared = texts.map(prepare);
  const leaks: Leak[] = [];
  for (const needle of needles) {
    const forms = escapes(collapse(needle));
    for (const t of prepared) {
      if (forms.some((f) => t.plain.includes(f) || t.folded.includes(fold(f)))) {
        leaks.push({ needle, origin: t.origin });
        break;
      }
    }
  }
  return leaks;
}
