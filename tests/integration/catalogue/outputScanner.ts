/**
 * Every byte of an export as searchable text: plain files as UTF-8 (and Latin-1), PDFs
 * decompressed by qpdf (streams, metadata) plus their extracted text (pdftotext: the glyph-coded
 * page text), ZIP/XLSX/DOCX unpacked recursively. Matching is done on whitespace-collapsed text,
 * both as is and folded (no diacritics), and on the HTML/XML-escaped form of each needle.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { fold } from '../../../shared/text/vietnamese';

export interface ScannedText {
  origin: string;
  text: string;
}

function pdfTexts(bytes: Uint8Array, origin: string): ScannedText[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mb-scan-'));
  try {
    const input = path.join(dir, 'in.pdf');
    const qdf = path.join(dir, 'qdf.pdf');
    writeFileSync(input, bytes);
    // qpdf exits 3 on warnings but still writes the file.
    try {
      execFileSync('qpdf', ['--qdf', '--object-streams=disable', input, qdf], { stdio: 'ignore' });
    } catch {
      /* warnings */
    }
    const raw = readFileSync(qdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', input, '-'], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8');
    return [
      { origin: `${origin} (qpdf)`, text: raw.toString('utf8') },
      { origin: `${origin} (qpdf latin1)`, text: raw.toString('latin1') },
      { origin: `${origin} (utf16)`, text: utf16Strings(raw) },
      { origin: `${origin} (pdftotext)`, text },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

export function findLeaks(texts: ScannedText[], needles: string[]): Leak[] {
  const prepared = texts.map((t) => ({ origin: t.origin, plain: collapse(t.text), folded: fold(collapse(t.text)) }));
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
