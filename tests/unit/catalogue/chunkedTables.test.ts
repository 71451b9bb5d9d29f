/**
 * The big tables are assembled from cached chunks (chunkCache.ts): whatever is cached, the bytes
 * must be exactly those of a build from nothing — for the same rows, and after a row changed.
 */
import { crc32 } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { clearChunkCache } from '../../../electron/engine/catalogue/chunkCache';
import { docx, xlsx } from '../../../electron/engine/catalogue/ooxml';
import { pdfTable } from '../../../electron/engine/catalogue/pdfTable';
import { crc32Combine, deterministicZip, type CachedPiece } from '../../../electron/engine/catalogue/zip';

const STAMP = '2025-06-30T08:00:00.000Z';
const rowsOf = (n: number, changed = -1) =>
  Array.from({ length: n }, (_, i) => [i + 1, `Về việc phê duyệt kế hoạch số ${i} năm 2024${i === changed ? ' (đã đính chính)' : ''}`, `${i}/QĐ-UBND`, i % 7 === 0 ? null : '12/01/2024']);
const table = (rows: (string | number | null)[][]) => ({ title: 'DANH MỤC THÔNG TIN', subtitle: 'cập nhật ngày 30/06/2025', header: ['STT', 'Tên', 'Số', 'Ngày'], widths: [4, 40, 12, 10], rows });

/** Bytes built from an empty cache. */
async function cold<T>(make: () => Promise<T>): Promise<T> {
  clearChunkCache();
  return make();
}

describe('tables built from cached chunks', () => {
  it('crc32Combine gives the CRC-32 of the concatenation', () => {
    const a = Buffer.from('Danh mục thông tin phải được công khai '.repeat(37));
    for (const len of [0, 1, 3, 64, 1000, 70_001]) {
      const b = Buffer.alloc(len, 'đ');
      expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(Buffer.concat([a, b])));
    }
  });

  it('a ZIP entry with cached pieces is the same bytes cold and warm, and unpacks to the text', async () => {
    const pieces = (tag: string): (string | CachedPiece)[] => ['<a>', { cacheKey: `t-${tag}`, render: () => `x${tag}`.repeat(5000) }, '<b>', { cacheKey: 'u', render: () => 'y' }, '</a>'];
    const first = Buffer.from(await cold(() => deterministicZip([['e.xml', pieces('1')]], STAMP)));
    const warm = Buffer.from(await deterministicZip([['e.xml', pieces('1')]], STAMP));
    expect(warm.equals(first)).toBe(true);
    expect(strFromU8(unzipSync(warm)['e.xml']!)).toBe(`<a>${'x1'.repeat(5000)}<b>y</a>`);
  });

  it('XLSX, DOCX and PDF tables: warm builds equal cold builds, before and after one row changed', async () => {
    const build = (rows: (string | number | null)[][]) =>
      Promise.all([
        xlsx([{ name: 'Công khai', header: ['STT', 'Tên', 'Số', 'Ngày'], rows, widths: [6, 60, 16, 14] }], STAMP),
        docx(table(rows), STAMP),
        pdfTable(table(rows), STAMP),
      ]);
    const same = (a: Uint8Array[], b: Uint8Array[]) => a.every((x, i) => Buffer.from(x).equals(Buffer.from(b[i]!)));
    const before = await cold(() => build(rowsOf(1_300)));
    expect(same(await build(rowsOf(1_300)), before)).toBe(true);
    const warmChanged = await build(rowsOf(1_300, 777));
    expect(same(warmChanged, before)).toBe(false);
    expect(same(warmChanged, await cold(() => build(rowsOf(1_300, 777))))).toBe(true);
    expect(strFromU8(unzipSync(warmChanged[0]!)['xl/worksheets/sheet1.xml']!)).toContain('năm 2024 (đã đính chính)');
  });
});
