/**
 * The redaction proof: does any redacted string survive in a PDF? Each string is looked for in
 * four forms — as written, folded (lower case, no diacritics, đ→d), without diacritics (case
 * kept) and, when it holds numbers, as its digits alone — in three readings of the whole file:
 * `pdftotext` (the text any reader copies), `qpdf --qdf` (every object and stream uncompressed)
 * and a byte scan of every Flate stream inflated in process (what qpdf might not expand). White
 * space is collapsed in both the needle and the haystack; a digits form of 6 or more digits is also
 * looked for in the extracted text with the separators between digits removed.
 *
 * A box that covers only part of its words leaves fragments, not the whole string: `fragments`
 * gives the pieces to look for as well — every word of a redacted string (3+ letters or digits)
 * that the document does not also hold outside the redacted strings, and every run of 6 digits of
 * a redacted number.
 */
import { inflatedStreams, qpdfAndText } from './pdfTools';
import { fold } from '../../shared/text/vietnamese';

export function needleForms(s: string): string[] {
  const plain = s.replace(/\s+/g, ' ').trim();
  const noMarks = plain
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
  const digits = plain.replace(/\D/g, '');
  return [...new Set([plain, fold(plain), noMarks, ...(digits.length >= 4 ? [digits] : [])])];
}

/** Words and digit runs of the redacted strings that the rest of the document (`remainder`: its
 *  text with every redacted string taken out) does not contain. */
export function fragments(strings: readonly string[], remainder: string): string[] {
  const rest = ` ${fold(remainder).replace(/[^a-z0-9]+/g, ' ')} `;
  const restDigits = remainder.replace(/\D+/g, ' ');
  const out = new Set<string>();
  for (const s of strings) {
    for (const word of s.split(/[^\p{L}\p{N}]+/u)) {
      if (word.replace(/[^\p{L}\p{N}]/gu, '').length < 3 || /^\d+$/.test(word)) continue;
      if (!rest.includes(` ${fold(word)} `)) out.add(word);
    }
    const digits = s.replace(/\D/g, '');
    for (let i = 0; i + 6 <= digits.length; i += 1) {
      const run = digits.slice(i, i + 6);
      if (!restDigits.includes(run)) out.add(run);
    }
  }
  return [...out];
}

export interface PdfReadings {
  pdftotext: string;
  qdf: string;
  inflated: string;
}

/** qpdf's uncompressed file without the bytes of image and font-program streams: the readings a
 *  word fragment is looked for in (three letters turn up by chance in binary data). */
function withoutBinaryStreams(qdf: string): string {
  const binary = /\/Subtype \/Image|\/Length1 |\/Length2 |\/Subtype \/(?:CIDFontType0C|Type1C|OpenType)/;
  const out: string[] = [];
  let at = 0;
  for (const m of qdf.matchAll(/\nstream\r?\n/g)) {
    if (m.index < at) continue;
    const end = qdf.indexOf('\nendstream', m.index + m[0].length);
    if (end < 0) break;
    const dict = qdf.slice(qdf.lastIndexOf(' obj', m.index), m.index);
    out.push(qdf.slice(at, m.index + m[0].length));
    if (!binary.test(dict)) out.push(qdf.slice(m.index + m[0].length, end));
    at = end;
  }
  out.push(qdf.slice(at));
  return out.join('');
}

export function readPdf(bytes: Uint8Array): PdfReadings {
  const { qdf, text } = qpdfAndText(bytes);
  return {
    pdftotext: text,
    qdf: `${qdf.toString('latin1')}\n${qdf.toString('utf8')}`,
    inflated: inflatedStreams(bytes)
      .map((raw) => `${raw.toString('latin1')}\n${raw.toString('utf8')}`)
      .join('\n'),
  };
}

/** Every (string, form, reading) where a redacted string — or a fragment of one (`pieces`, looked
 *  for in the extracted text and the file's non-binary objects) — is found. */
export function survivors(
  readings: PdfReadings,
  strings: readonly string[],
  pieces: readonly string[] = [],
): { text: string; form: string; reading: string }[] {
  const found: { text: string; form: string; reading: string }[] = [];
  const searches: [string, string, readonly string[]][] = [
    ...Object.entries(readings).map(([reading, raw]): [string, string, readonly string[]] => [
      reading,
      raw,
      strings,
    ]),
    ['pdftotext', readings.pdftotext, pieces],
    ['qdf without binary streams', withoutBinaryStreams(readings.qdf), pieces],
  ];
  for (const [reading, raw, needles] of searches) {
    if (needles.length === 0) continue;
    const plain = raw.replace(/\s+/g, ' ');
    // Folded with word edges kept: a fragment "Phuc" is found as a word, not inside "phuchoi".
    const folded = ` ${fold(plain).replace(/[^a-z0-9]+/g, ' ')} `;
    // OCR spaces numbers as it likes: in the extracted text, digits are also read across separators.
    const digits = reading === 'pdftotext' ? plain.replace(/(?<=\d)[^\p{L}\d]{0,2}(?=\d)/gu, '') : '';
    for (const s of needles) {
      for (const form of needleForms(s)) {
        const isDigits = /^\d+$/.test(form);
        const foldedForm = fold(form)
          .replace(/[^a-z0-9]+/g, ' ')
          .trim();
        // A whole string as a substring; a fragment only as a word of its own ("Lan", not "/Lang").
        const inPlain =
          needles === strings
            ? plain.includes(form)
            : new RegExp(
                `(?<![\\p{L}\\p{N}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
                'u',
              ).test(plain);
        if (
          inPlain ||
          (foldedForm && folded.includes(` ${foldedForm} `)) ||
          (isDigits && form.length >= 6 && digits.includes(form))
        ) {
          found.push({ text: s, form, reading });
        }
      }
    }
  }
  return found;
}
