import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deterministicZip } from '../../../electron/engine/catalogue/zip';

function* pieces(n: number): Generator<string> {
  for (let i = 0; i < n; i += 1) yield `<row r="${i}"><c t="inlineStr"><is><t>Về việc số ${i}</t></is></c></row>`;
}

describe('deterministicZip (chunked native deflate)', () => {
  it('round-trips strings, bytes and multi-megabyte generators (chunks joined by sync flush)', async () => {
    const bytes = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => (i * 31) % 251);
    const zip = await deterministicZip(
      [
        ['a.txt', 'xin chào'],
        ['b.bin', bytes],
        ['c/sheet.xml', pieces(60_000)],
        ['empty.txt', ''],
      ],
      '2025-06-30T08:00:00.000Z',
    );
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(['a.txt', 'b.bin', 'c/sheet.xml', 'empty.txt']);
    expect(strFromU8(files['a.txt']!)).toBe('xin chào');
    expect(Buffer.from(files['b.bin']!).equals(Buffer.from(bytes))).toBe(true);
    expect(strFromU8(files['c/sheet.xml']!)).toBe([...pieces(60_000)].join(''));
    expect(files['empty.txt']!.length).toBe(0);
  });

  it('is byte-identical for the same input, whatever the time zone', async () => {
    const make = () => deterministicZip([['x.xml', pieces(1000)]], '2025-06-30T23:30:00.000Z');
    const a = Buffer.from(await make());
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    try {
      expect(Buffer.from(await make()).equals(a)).toBe(true);
    } finally {
      process.env.TZ = tz;
    }
    // DOS time of the entry: 2025-06-30 23:30:00 (UTC fields).
    expect(a.readUInt16LE(12)).toBe(((2025 - 1980) << 9) | (6 << 5) | 30);
    expect(a.readUInt16LE(10)).toBe((23 << 11) | (30 << 5));
  });
});
