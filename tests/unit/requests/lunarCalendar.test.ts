import { describe, expect, it } from 'vitest';
import { lunarToSolar, solarToLunar, tetDate } from '../../../electron/engine/requests/lunarCalendar';

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it('puts Tết on the known Vietnamese dates, including 1985 and 2007 where China differs', () => {
    expect(tetDate(2025)).toBe('2025-01-29');
    expect(tetDate(2026)).toBe('2026-02-17');
    expect(tetDate(2024)).toBe('2024-02-10');
    expect(tetDate(2023)).toBe('2023-01-22');
    expect(tetDate(1985)).toBe('1985-01-21'); // China: 20/02/1985
    expect(tetDate(2007)).toBe('2007-02-17'); // China: 18/02/2007
  });

  it('puts Giỗ Tổ Hùng Vương (10/3 lunar) on the known dates', () => {
    expect(lunarToSolar(10, 3, 2023)).toBe('2023-04-29');
    expect(lunarToSolar(10, 3, 2024)).toBe('2024-04-18');
    expect(lunarToSolar(10, 3, 2025)).toBe('2025-04-07');
    expect(lunarToSolar(10, 3, 2026)).toBe('2026-04-26');
  });

  it('knows the last day of the lunar year before Tết 2025 (29 Chạp) and 2026 (29 Chạp)', () => {
    expect(solarToLunar(28, 1, 2025)).toEqual({ day: 29, month: 12, year: 2024, leap: false });
    expect(solarToLunar(16, 2, 2026)).toEqual({ day: 29, month: 12, year: 2025, leap: false });
  });

  it('ends a month on day 30 where the mean lunation would start the next one a day early (2054, 2062)', () => {
    expect(solarToLunar(7, 5, 2054)).toEqual({ day: 30, month: 3, year: 2054, leap: false });
    expect(solarToLunar(9, 4, 2062)).toEqual({ day: 30, month: 2, year: 2062, leap: false });
  });

  it('round-trips every day 1990–2100 (solar → lunar → solar), each a lunar day 1–30', () => {
    const wrong: string[] = [];
    for (let t = Date.UTC(1990, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
      const iso = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const l = solarToLunar(day, m, y);
      if (l.day < 1 || l.day > 30 || lunarToSolar(l.day, l.month, l.year, l.leap) !== iso) wrong.push(iso);
    }
    expect(wrong).toEqual([]);
  });
});
