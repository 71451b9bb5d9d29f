import { describe, expect, it } from 'vitest';
import {
  loadCalendarData,
  WorkingCalendar,
  type YearAnnouncement,
} from '../../../electron/engine/requests/workingCalendar';

const data = loadCalendarData();
const shipped = new WorkingCalendar(data);
/** The rules alone, as for a year nobody has announced yet. */
const rulesOnly = new WorkingCalendar({ ...data, years: {} });

describe('working-day calendar', () => {
  it('gives the government’s 2025 Tết days off (27–31/01/2025) and makes Monday 03/02/2025 a working day', () => {
    for (const d of ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'])
      expect(shipped.isWorkingDay(d), d).toBe(false);
    expect(shipped.isWorkingDay('2025-01-24')).toBe(true);
    expect(shipped.isWorkingDay('2025-02-03')).toBe(true);
  });

  it('gives the 2026 Tết days off (16–20/02/2026)', () => {
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'])
      expect(shipped.isWorkingDay(d), d).toBe(false);
    expect(shipped.isWorkingDay('2026-02-13')).toBe(true);
    expect(shipped.isWorkingDay('2026-02-23')).toBe(true);
  });

  it('computes Tết from the lunar calendar when no announcement exists, with a compensatory day for a Tết day on Saturday', () => {
    // 2025 by the rules: 28/01 (last day) + mùng 1–4 = 29/01…01/02 (Sat) → compensatory Monday 03/02.
    expect(rulesOnly.isWorkingDay('2025-01-28')).toBe(false);
    expect(rulesOnly.isWorkingDay('2025-01-31')).toBe(false);
    expect(rulesOnly.isWorkingDay('2025-02-03')).toBe(false);
    expect(rulesOnly.yearDays(2025).get('2025-02-03')!.kind).toBe('compensatory');
    expect(rulesOnly.isWorkingDay('2025-02-04')).toBe(true);
  });

  it('gives Hùng Kings’ day on Sunday 26/04/2026 a compensatory Monday 27/04', () => {
    expect(shipped.isWorkingDay('2026-04-27')).toBe(false);
    expect(shipped.yearDays(2026).get('2026-04-27')).toMatchObject({ kind: 'compensatory', origin: 'rules' });
    expect(shipped.isWorkingDay('2025-04-07')).toBe(false); // Monday, no compensation needed
  });

  it('applies the 2025 swap: Friday 02/05 off, Saturday 26/04 a make-up working day', () => {
    expect(shipped.isWorkingDay('2025-05-02')).toBe(false);
    expect(shipped.isWorkingDay('2025-04-26')).toBe(true);
    expect(shipped.isWorkingDay('2025-04-27')).toBe(false);
  });

  it('counts a 5-working-day limit across Tết 2026: received Thu 12/02 → due Thu 26/02', () => {
    expect(shipped.addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
    expect(shipped.workingDaysBetween('2026-02-12', '2026-02-26')).toBe(5);
  });

  it('extends a deadline across a holiday: 5 + 15 working days from 22/04/2025 skip 30/4, 1/5, the 2/5 swap and count Saturday 26/4', () => {
    // 23,24,25 Apr, 26 Apr (make-up Sat), 28 Apr = 5 → due 28/04; +15: 29/4, 5–9/5, 12–16/5, 19–22/5 → 22/05.
    expect(shipped.addWorkingDays('2025-04-22', 5)).toBe('2025-04-28');
    expect(shipped.addWorkingDays('2025-04-22', 20)).toBe('2025-05-22');
  });

  it('lets a year’s announcement entered in Settings replace the rules (next year’s Tết, a make-up Saturday)', () => {
    const ann: YearAnnouncement = {
      source: 'Thông báo thử',
      holidays: { tet: ['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'] },
      extraDaysOff: [{ date: '2027-02-11', nameVi: 'Nghỉ hoán đổi' }],
      workingDays: [{ date: '2027-02-20', nameVi: 'Làm bù' }],
    };
    const edited = new WorkingCalendar(data, new Map([[2027, ann]]));
    expect(rulesOnly.isWorkingDay('2027-02-04')).toBe(true); // by the rules Tết 2027 (06/02) starts on 05/02
    expect(edited.isWorkingDay('2027-02-04')).toBe(false);
    expect(edited.isWorkingDay('2027-02-11')).toBe(false);
    expect(edited.isWorkingDay('2027-02-20')).toBe(true);
    expect(edited.view(2027, true)).toMatchObject({ announced: true, edited: true, source: 'Thông báo thử' });
  });

  it('never counts a weekend or a listed day off as a working day, and counts forward monotonically', () => {
    for (const year of [2025, 2026, 2027]) {
      for (const day of shipped.yearDays(year).values())
        if (day.kind !== 'working') expect(shipped.isWorkingDay(day.date)).toBe(false);
    }
    let prev = '2025-01-01';
    for (let n = 1; n <= 300; n += 1) {
      const d = shipped.addWorkingDays('2025-01-01', n);
      expect(d > prev).toBe(true);
      expect(shipped.isWorkingDay(d)).toBe(true);
      prev = d;
    }
  });
});
