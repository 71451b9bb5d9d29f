/**
 * Offsets in a text-layer page's text → boxes on the page: the text rebuilt with each character's
 * source item is exactly pdf.js textFromItems' (property over random items, white space, line
 * ends, decomposed accents); spans land on their item's characters; OCR spans take whole words,
 * one box per line; the leak check reads numbers whatever their spacing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textFromItems } from '../../../electron/engine/pdf/pdfDocument';
import {
  locateSpan,
  ocrBoxes,
  textLayerBoxes,
  textWithSources,
} from '../../../electron/engine/redaction/textBoxes';
import { checkedStrings, readableRedactions } from '../../../electron/engine/redaction/leakCheck';
import { groundLabel, regionGrounds } from '../../../electron/engine/redaction/grounds';
import { legalRegistry } from '../../../electron/engine/understanding/legalRegistry';
import {
  publicationForm,
  type Region,
  type RedactionState,
} from '../../../electron/engine/redaction/regions';

const piece = fc.constantFrom(
  'Nguyễn',
  'Văn',
  'An',
  ' ',
  '  ',
  '\t',
  '0940',
  '12',
  ',',
  'Nguye\u0302\u0303n',
  'Đ',
  'ấp',
  '',
  'x\u0301',
);
const itemArb = fc.record({
  str: fc.array(piece, { maxLength: 6 }).map((p) => p.join('')),
  hasEOL: fc.boolean(),
});

describe('text-layer offsets', () => {
  it('rebuilds exactly the text pdfDocument.textFromItems stores, for any items (property)', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 12 }), (items) => {
        const { text, sources } = textWithSources(items);
        expect(text).toBe(textFromItems(items));
        expect(sources).toHaveLength(text.length);
        // Every character that came from an item points at that item's character (NFC aside).
        text.split('').forEach((ch, k) => {
          const s = sources[k];
          if (!s || /\s/.test(ch) || /\p{M}/u.test(ch)) return;
          expect(items[s[0]]!.str[s[1]]!.normalize('NFC').charAt(0).normalize('NFD').charAt(0)).toBe(
            ch.normalize('NFD').charAt(0),
          );
        });
      }),
      { numRuns: 400 },
    );
  });

  it('places a span on its characters: a name inside a table row item gets a box over the name only', () => {
    const row = {
      str: '3 Nguyễn Văn An 094012345678',
      hasEOL: true,
      x: 40,
      y: 100,
      dx: 1,
      dy: 0,
      length: 200,
      size: 10,
    };
    const page = {
      width: 600,
      height: 800,
      items: [{ str: 'DANH SÁCH', hasEOL: true, x: 40, y: 60, dx: 1, dy: 0, length: 80, size: 12 }, row],
    };
    const text = textWithSources(page.items).text;
    const start = text.indexOf('Nguyễn Văn An');
    const [box] = textLayerBoxes(page, text, start, start + 'Nguyễn Văn An'.length);
    expect(box).toBeDefined();
    const x0 = box!.x * 600;
    const x1 = (box!.x + box!.w) * 600;
    // Starts after "3 " and ends before the ID number (within the padding of a sixth of an em).
    expect(x0).toBeGreaterThan(40 + 3);
    expect(x1).toBeLessThan(40 + 200 * 0.62);
    expect(x1 - x0).toBeGreaterThan(200 * 0.35);
    // From above the capitals' accents to below the descenders.
    expect(box!.y * 800).toBeLessThan(100 - 10);
    expect((box!.y + box!.h) * 800).toBeGreaterThan(100 + 2);
  });

  it('finds a span by its words when the stored text differs from the rebuilt one', () => {
    expect(locateSpan('a Nguyễn  Văn An b', 'x Nguyễn Văn An', 2, 15)).toEqual([2, 16]);
    expect(locateSpan('nothing here', 'x Nguyễn Văn An', 2, 15)).toBeNull();
  });
});

describe('OCR offsets', () => {
  it('covers the whole words a span touches, one padded box per line', () => {
    const words = [
      { text: 'Ông', x0: 10, y0: 10, x1: 40, y1: 30 },
      { text: 'Nguyễn', x0: 50, y0: 10, x1: 120, y1: 30 },
      { text: 'Văn', x0: 130, y0: 11, x1: 170, y1: 31 },
      { text: 'An,', x0: 10, y0: 50, x1: 40, y1: 70 },
    ];
    const text = 'Ông Nguyễn Văn\nAn,';
    const boxes = ocrBoxes(words, text, 1000, 1000, 4, 17);
    expect(boxes).toHaveLength(2);
    expect(boxes[0]!.x * 1000).toBeLessThan(50);
    expect((boxes[0]!.x + boxes[0]!.w) * 1000).toBeGreaterThan(170);
    expect(boxes[1]!.y * 1000).toBeLessThan(50);
  });
});

const region = (text: string, category = 'cccd'): Region => ({
  id: 1,
  page: 1,
  boxes: [{ x: 0, y: 0, w: 0.1, h: 0.1 }],
  state: 'accepted',
  origin: 'finding',
  category,
  basisId: 'L104.D7.K2',
  basisVersion: '2016',
  label: 'Đ7.K2',
  text,
  start: 0,
  end: 1,
});

describe('leak check', () => {
  it('reads a redacted number however OCR spaced it, and a name without its accents', () => {
    const strings = checkedStrings([region('094012345678'), region('Nguyễn Văn An', 'name')]);
    const page = (text: string) => ({ text, words: [], width: 1000, height: 1000 });
    expect(readableRedactions([page('Số 0940 1234.5678 còn đây')], strings)).toEqual([
      { text: '094012345678', page: 1 },
    ]);
    expect(readableRedactions([page(''), page('ong NGUYEN VAN AN da nhan')], strings)).toEqual([
      { text: 'Nguyễn Văn An', page: 2 },
    ]);
    expect(readableRedactions([page('Đ7.K2 Đ7.K2 1961 9.000.000')], strings)).toEqual([]);
  });

  it('finds a piece of a redacted word beside its box (a box placed a little off), not the same syllable far away', () => {
    const strings = ['Thạch Kim Lan'];
    const original = ['1 Thạch Kim Lan 1961', '2 Hồ Văn Tám 1950'];
    const box = { x: 0.1, y: 0.1, w: 0.1, h: 0.02 };
    const word = (text: string, x0: number, y0: number) => ({ text, x0, y0, x1: x0 + 40, y1: y0 + 18 });
    const read = {
      text: 'Đ7.K2 Lan 1961',
      words: [word('Đ7.K2', 110, 101), word('Lan', 205, 101), word('1961', 400, 101)],
      width: 1000,
      height: 1000,
    };
    const far = { text: 'Lan', words: [word('Lan', 700, 700)], width: 1000, height: 1000 };
    const pieces = { originalPages: original, boxes: (n: number) => (n === 1 ? [box] : []) };
    expect(readableRedactions([read], strings, pieces)).toEqual([{ text: 'lan', page: 1 }]);
    expect(readableRedactions([far], strings, { ...pieces, boxes: () => [box] })).toEqual([]);
  });

  it('does not search general terms of a sensitive kind, nor one- or two-letter strings', () => {
    expect(checkedStrings([region('hộ nghèo', 'social-status'), region('An', 'name')])).toEqual([]);
  });
});

describe('grounds and publication rule', () => {
  it('labels a region "Đ7.K2" under Law 104/2016 and with the data file\'s short label under the 2026 law', () => {
    const registry = legalRegistry();
    expect(groundLabel(registry.find('L104.D7.K2', '2016')!)).toBe('Đ7.K2');
    expect(groundLabel(registry.byGround('private-life', '2026'))).toBe('DLCN');
    expect(regionGrounds('2026-06-01').map((g) => g.label)).toContain('Đ7.K1');
    expect(regionGrounds('2026-10-01')[0]!.basisVersion).toBe('2026');
  });

  it("publishes redacted only a partial decision whose key is the regions' key, with nothing proposed", () => {
    const accepted = [region('x')];
    const state = (proposed: number, key = 'k', acc = accepted): RedactionState => ({
      accepted: acc,
      proposed,
      key,
    });
    expect(publicationForm({ partial: 1, redaction_key: 'k' }, state(0))).toBe('redacted');
    expect(publicationForm({ partial: 1, redaction_key: 'k' }, state(1))).toBe('held');
    expect(publicationForm({ partial: 1, redaction_key: 'old' }, state(0))).toBe('held');
    expect(publicationForm({ partial: 1, redaction_key: 'k' }, state(0, 'k', []))).toBe('held');
    expect(publicationForm({ partial: 0, redaction_key: null }, state(0, 'k', []))).toBe('full');
    expect(publicationForm({ partial: 0, redaction_key: null }, state(0))).toBe('held');
    expect(publicationForm({ partial: 0, redaction_key: null }, state(2, 'k', []))).toBe('held');
  });
});
