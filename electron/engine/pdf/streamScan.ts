import { createInflate } from 'node:zlib';
import { AppError } from '../../../shared/domain/errors';
import type { PdfLimits } from './limits';

/**
 * Finds decompression bombs in a PDF *before* anything decodes it. pdf.js and pdf-lib both inflate
 * every stream (object streams while parsing, content streams and images when used) into memory in
 * one piece, with no bound, so a 1 MB file can demand gigabytes. Neither exposes a bounded decoder,
 * hence this small scanner (measured: 1 GiB content-stream bomb rejected in ~0.1 s at < 30 MB):
 *
 * - every `<< … >> stream … endstream` in the file, referenced or not, is looked at;
 * - images: declared width × height, and the real size inside JPEG (SOF) and JPEG 2000 (SIZ) data;
 * - FlateDecode streams are inflated in 64 kB pieces that are counted and dropped, stopping at the
 *   limit (images: their declared decoded size, other streams: maxStreamBytes).
 *
 * Not measured here (the memory ceiling of the child process covers them): LZW/RunLength streams,
 * inline images inside content streams, and streams of encrypted files.
 */
export async function scanPdfStreams(bytes: Uint8Array, limits: PdfLimits): Promise<{ streams: number; inflatedBytes: number }> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('latin1');
  let streams = 0;
  let inflatedBytes = 0;
  const keyword = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = keyword.exec(text)) !== null) {
    if (m.index > 0 && /[a-zA-Z]/.test(text[m.index - 1]!)) continue; // "endstream"
    const dictEnd = text.lastIndexOf('>>', m.index);
    if (dictEnd < 0 || text.slice(dictEnd + 2, m.index).trim() !== '') continue;
    const dict = dictionaryBefore(text, dictEnd);
    if (dict === null) continue;
    const dataStart = m.index + m[0].length;
    let dataEnd = text.indexOf('endstream', dataStart);
    if (dataEnd < 0) dataEnd = text.length;
    keyword.lastIndex = dataEnd;
    streams += 1;
    inflatedBytes += await checkStream(dict, buffer.subarray(dataStart, dataEnd), limits, text);
  }
  return { streams, inflatedBytes };
}

/** The text of the dictionary that ends at `end` (the index of its `>>`), nested ones included. */
function dictionaryBefore(text: string, end: number): string | null {
  let depth = 0;
  // `end` is the first '>' of the closing '>>': pairs are read right to left from its second one.
  for (let i = end + 1; i >= Math.max(1, end - 65536); i -= 1) {
    if (text[i] === '>' && text[i - 1] === '>') {
      depth += 1;
      i -= 1;
    } else if (text[i] === '<' && text[i - 1] === '<') {
      depth -= 1;
      i -= 1;
      if (depth === 0) return text.slice(i, end + 2);
    }
  }
  return null;
}

/** A number in the dictionary: `/Width 2000`, or `/Width 12 0 R` resolved to object 12's value. */
function intOf(dict: string, key: string, text: string): number | null {
  const ref = new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R\\b`).exec(dict);
  if (ref) {
    const m = new RegExp(`(?:^|\\s)${ref[1]}\\s+${ref[2]}\\s+obj\\s*(\\d+)\\s*endobj`).exec(text);
    return m ? Number(m[1]) : null;
  }
  const m = new RegExp(`/${key}\\s+(\\d+)`).exec(dict);
  return m ? Number(m[1]) : null;
}

function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  if (!m) return [];
  return (m[1]!.match(/\/[A-Za-z0-9]+/g) ?? []).map((f) => f.slice(1));
}

const COMPONENTS: Record<string, number> = { DeviceGray: 1, CalGray: 1, DeviceRGB: 3, CalRGB: 3, Lab: 3, DeviceCMYK: 4 };

function bomb(detail: string): AppError {
  return new AppError('DECOMPRESSION_BOMB', detail);
}

async function checkStream(dict: string, data: Buffer, limits: PdfLimits, text: string): Promise<number> {
  const filters = filtersOf(dict);
  const isImage = /\/Subtype\s*\/Image\b/.test(dict);
  let expected = limits.maxStreamBytes;
  if (isImage) {
    const width = intOf(dict, 'Width', text) ?? intOf(dict, 'W', text) ?? 0;
    const height = intOf(dict, 'Height', text) ?? intOf(dict, 'H', text) ?? 0;
    const bits = intOf(dict, 'BitsPerComponent', text) ?? 8;
    const space = /\/ColorSpace\s*\/([A-Za-z]+)/.exec(dict)?.[1];
    const components = (space && COMPONENTS[space]) || 4;
    checkPixels(width, height, 'image dictionary', limits);
    const decoded = Math.ceil((width * components * bits) / 8) * height;
    if (decoded > limits.maxImageBytes) throw bomb(`image ${width}x${height}x${components} needs ${decoded} bytes`);
    // Room for predictor bytes and rounding; anything beyond is not the image it claims to be.
    // Sizes we could not read (a reference into an object stream) bound it by maxImageBytes only.
    expected = width > 0 && height > 0 ? Math.min(limits.maxImageBytes, Math.ceil(decoded * 1.05) + height + 65536) : limits.maxImageBytes;
  }
  let head = data;
  let inflated = 0;
  if (filters[0] === 'FlateDecode' || filters[0] === 'Fl') {
    const measured = await measureInflate(data, expected, filters.length > 1 ? 262144 : 0);
    if (measured.exceeded) throw bomb(`${isImage ? 'image' : 'stream'} inflates past ${expected} bytes`);
    inflated = measured.bytes;
    head = measured.head;
  }
  const next = filters[0] === 'FlateDecode' || filters[0] === 'Fl' ? filters[1] : filters[0];
  if (next === 'DCTDecode' || next === 'DCT') {
    const size = jpegSize(head);
    if (size) checkPixels(size.width, size.height, 'JPEG data', limits);
  } else if (next === 'JPXDecode') {
    const size = jpxSize(head);
    if (size) checkPixels(size.width, size.height, 'JPEG 2000 data', limits);
  }
  return inflated;
}

function checkPixels(width: number, height: number, where: string, limits: PdfLimits): void {
  if (width * height > limits.maxImagePixels) throw bomb(`${where} declares ${width}x${height} pixels`);
}

/** Inflates `data`, counting and dropping the output, stopping once it passes `limit`. Keeps the
 *  first `keepHead` bytes (to read a JPEG header behind a Flate filter). Broken data stops quietly:
 *  pdf.js reports it later as a corrupt file. */
function measureInflate(data: Buffer, limit: number, keepHead: number): Promise<{ bytes: number; exceeded: boolean; head: Buffer }> {
  return new Promise((resolve) => {
    const inflate = createInflate({ chunkSize: 65536 });
    let bytes = 0;
    const head: Buffer[] = [];
    let headBytes = 0;
    let settled = false;
    const done = (exceeded: boolean) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      resolve({ bytes, exceeded, head: Buffer.concat(head) });
    };
    inflate.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (headBytes < keepHead) {
        head.push(chunk.subarray(0, keepHead - headBytes));
        headBytes += Math.min(chunk.length, keepHead - headBytes);
      }
      if (bytes > limit) done(true);
    });
    inflate.on('end', () => done(false));
    inflate.on('error', () => done(false));
    inflate.end(data);
  });
}

/** Width and height from a JPEG's start-of-frame marker. */
export function jpegSize(data: Buffer): { width: number; height: number } | null {
  let i = 2;
  if (data[0] !== 0xff || data[1] !== 0xd8) return null;
  while (i + 9 < data.length) {
    if (data[i] !== 0xff) {
      i += 1;
      continue;
    }
    const marker = data[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: data.readUInt16BE(i + 5), width: data.readUInt16BE(i + 7) };
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    i += 2 + data.readUInt16BE(i + 2);
  }
  return null;
}

/** Width and height from a JPEG 2000 codestream's SIZ marker (raw codestream or inside a JP2 box). */
export function jpxSize(data: Buffer): { width: number; height: number } | null {
  const at = data.indexOf(Buffer.from([0xff, 0x4f, 0xff, 0x51]));
  if (at < 0 || at + 22 > data.length) return null;
  const xsiz = data.readUInt32BE(at + 8);
  const ysiz = data.readUInt32BE(at + 12);
  const xo = data.readUInt32BE(at + 16);
  const yo = data.readUInt32BE(at + 20);
  return { width: Math.max(0, xsiz - xo), height: Math.max(0, ysiz - yo) };
}
