import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { understandPages } from '../../../electron/engine/understanding/index';
import { defaultLegalDir, legalData, loadLegalData } from '../../../electron/engine/understanding/rules/legalData';
import { localToday } from '../../../electron/engine/clock';

const HEAD = 'ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ\nSố: 12/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nAn Phú, ngày 5 tháng 3 năm 2024\n';
const registry = legalData().registry;

describe('law versions: the 2026 Law on Access to Information from 1 Sept 2026, as data', () => {
  const saved = process.env.MINHBACH_TODAY;
  afterEach(() => {
    process.env.MINHBACH_TODAY = saved;
  });

  it('the version in force follows the decision day; "today" is the local date unless MINHBACH_TODAY fixes it', () => {
    expect(registry.versionOn('2026-08-31')).toBe('2016');
    expect(registry.versionOn('2026-09-01')).toBe('2026');
    delete process.env.MINHBACH_TODAY;
    expect(localToday(new Date(2026, 8, 1, 0, 30))).toBe('2026-09-01');
    process.env.MINHBACH_TODAY = '2025-01-02';
    expect(localToday(new Date(2026, 8, 1))).toBe('2025-01-02');
    expect(registry.defaultVersion).toBe('2016');
  });

  it('a decision from 1 Sept 2026 cites the 2026 entry, whose law is labelled as awaiting confirmation of its article numbers', () => {
    const s = understandPages([{ n: 1, text: `${HEAD}KẾ HOẠCH\nCông tác năm 2026\nTài liệu lưu hành nội bộ.` }], { asOf: '2026-09-01' }).suggestion;
    expect(s).toMatchObject({ class: 'secret', basisId: 'LTCTT2026.internal-or-harmful', basisVersion: '2026' });
    const entry = registry.find(s.basisId!)!;
    expect(entry.verified).toBe(false);
    expect(registry.lawLabel(entry)).toBe('Luật Tiếp cận thông tin (sửa đổi) — số điều, khoản chờ xác nhận');
    expect(registry.lawLabel(registry.find('L104.D6.K2')!)).toBe('Luật Tiếp cận thông tin 104/2016/QH13');
    expect(registry.counterpart(entry, '2016')!.id).toBe('L104.D6.K2');
  });

  it('under the 2026 law a conditional suggestion says the separable accessible part may be provided; under 2016 it does not', () => {
    const text = `${HEAD}THÔNG BÁO\nKết quả giải quyết đơn\nỦy ban nhận đơn của bà Trần Thị Bé, sinh ngày 01/02/1970, nơi cư trú: ấp Mỹ Hòa, xã An Phú.`;
    const in2026 = understandPages([{ n: 1, text }], { asOf: '2026-10-01' }).suggestion;
    expect(in2026).toMatchObject({ class: 'conditional', basisId: 'LTCTT2026.private-life' });
    expect(in2026.reasons.some((r) => r.rule === 'note.partial-disclosure')).toBe(true);
    expect(understandPages([{ n: 1, text }], { asOf: '2025-10-01' }).suggestion.reasons.some((r) => r.rule === 'note.partial-disclosure')).toBe(false);
  });

  it('a rule of the 2026 file with an inherited id replaces the 2016 rule for that version only (a data change, no code)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'minhbach-law-'));
    try {
      cpSync(defaultLegalDir(), dir, { recursive: true });
      const file = path.join(dir, 'rules-2026.json');
      const rules2016 = JSON.parse(readFileSync(path.join(dir, 'rules-2016.json'), 'utf8')) as { rules: { id: string; strength: number }[] };
      const json = JSON.parse(readFileSync(file, 'utf8')) as { rules: unknown[] };
      json.rules.push({ ...rules2016.rules.find((r) => r.id === 'publish.plan-types')!, strength: 0.3 });
      writeFileSync(file, JSON.stringify(json));
      const data = loadLegalData(dir);
      const plan = `${HEAD}KẾ HOẠCH\nTổ chức Hội thi tìm hiểu pháp luật\nNội dung.`;
      expect(data.ruleSets.get('2026')!.rules.find((r) => r.id === 'publish.plan-types')!.strength).toBe(0.3);
      expect(understandPages([{ n: 1, text: plan }], { data, asOf: '2025-01-01' }).suggestion.class).toBe('public');
      expect(understandPages([{ n: 1, text: plan }], { data, asOf: '2026-09-01' }).suggestion.class).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
