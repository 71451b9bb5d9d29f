/**
 * The Vietnamese working-day calendar: versioned data in resources/calendar/vn-working-days.json
 * (weekend, the Labour Code's public holidays — solar dates, Tết and Giỗ Tổ Hùng Vương by the
 * lunar calendar — and weekend compensation), plus each year's government announcement (the Tết
 * days actually given, swapped days off, make-up working Saturdays). Announcements shipped in the
 * file can be replaced, and next year's entered, in Settings: those edits live in the archive's
 * settings table (`calendar.year.YYYY`), so the CLI and the app see the same calendar and a backup
 * carries it.
 *
 * A year without an announcement is computed from the rules and shown as "estimated" in the UI.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Db } from '../archive/database';
import { appendAudit } from '../audit/auditLog';
import { AppError } from '../../../shared/domain/errors';
import { resourcePath } from '../resourcesDir';
import { addDaysIso, isIsoDate, weekdayOf } from './dates';
import { lunarToSolar, tetDate } from './lunarCalendar';

const IsoDate = z.string().refine(isIsoDate, 'yyyy-mm-dd');
const MonthDay = z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) });

const Holiday = z.object({
  key: z.string().regex(/^[a-z-]+$/),
  nameVi: z.string().min(1),
  solar: MonthDay.optional(),
  lunar: MonthDay.optional(),
  lunarNewYear: z
    .object({ daysBefore: z.number().int().min(0).max(5), daysAfter: z.number().int().min(1).max(10) })
    .optional(),
  /** Quốc khánh: the day and one adjacent day (the government picks which; see adjacentOf). */
  adjacentDay: z.boolean().optional(),
});

const Rule = z.object({
  id: z.string().min(1),
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable(),
  source: z.string().min(1),
  weekend: z.array(z.number().int().min(0).max(6)),
  compensateWeekend: z.boolean(),
  holidays: z.array(Holiday).min(1),
});

const DayNote = z.object({ date: IsoDate, nameVi: z.string().trim().min(1).max(300) });

/** One year's announcement: the days given for a holiday (replacing the rule for that holiday),
 *  swapped days off and make-up working days. */
export const YearAnnouncement = z.object({
  source: z.string().trim().max(1000),
  holidays: z.record(z.string().regex(/^[a-z-]+$/), z.array(IsoDate).max(20)).default({}),
  extraDaysOff: z.array(DayNote).max(50).default([]),
  workingDays: z.array(DayNote).max(50).default([]),
});
export type YearAnnouncement = z.infer<typeof YearAnnouncement>;

export const CalendarDataSchema = z.object({
  schemaVersion: z.literal(1),
  dataVersion: z.string().min(1),
  rules: z.array(Rule).min(1),
  years: z.record(z.string().regex(/^\d{4}$/), YearAnnouncement),
});
export type CalendarData = z.infer<typeof CalendarDataSchema>;

export type DayKind = 'holiday' | 'compensatory' | 'swap' | 'working';
export interface CalendarDay {
  date: string;
  nameVi: string;
  kind: DayKind;
  /** From the year's announcement, or computed from the rules. */
  origin: 'announced' | 'rules';
}

export interface CalendarYearView {
  year: number;
  /** The year has an announcement (shipped or entered in Settings). */
  announced: boolean;
  /** The announcement was entered or changed in Settings (not the shipped data). */
  edited: boolean;
  source: string | null;
  ruleSource: string;
  dataVersion: string;
  /** Non-working weekdays and working weekend days of the year, in date order. */
  days: CalendarDay[];
  announcement: YearAnnouncement | null;
}

let shipped: CalendarData | null = null;

export function loadCalendarData(
  file: string = resourcePath('calendar', 'vn-working-days.json'),
): CalendarData {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppError('CALENDAR_INVALID', (e as Error).message);
  }
  const parsed = CalendarDataSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError(
      'CALENDAR_INVALID',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  return parsed.data;
}

function shippedData(): CalendarData {
  shipped ??= loadCalendarData();
  return shipped;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Quốc khánh's second day: the adjacent weekday that joins the holiday to a weekend (2/9 on
 *  Monday → Tuesday 3/9, Tuesday → Monday 1/9, Thursday → Friday 3/9, Friday → Thursday 1/9, as
 *  the government chose in 2021–2025); mid-week or weekend → the day before / after. */
function adjacentOf(iso: string): string {
  const wd = weekdayOf(iso);
  return [1, 4, 0].includes(wd) ? addDaysIso(iso, 1) : addDaysIso(iso, -1);
}

export class WorkingCalendar {
  private readonly cache = new Map<number, Map<string, CalendarDay>>();

  constructor(
    readonly data: CalendarData,
    /** Announcements entered in Settings, by year; they replace the shipped ones. */
    private readonly overrides: ReadonlyMap<number, YearAnnouncement> = new Map(),
  ) {}

  ruleFor(year: number) {
    const jan1 = `${year}-01-01`;
    return (
      this.data.rules.find(
        (r) => r.effectiveFrom <= `${year}-12-31` && (r.effectiveTo === null || r.effectiveTo >= jan1),
      ) ?? this.data.rules[this.data.rules.length - 1]!
    );
  }

  announcement(year: number): YearAnnouncement | null {
    return this.overrides.get(year) ?? this.data.years[String(year)] ?? null;
  }

  /** Every special day of a year: holidays, compensatory and swapped days off, make-up working days. */
  yearDays(year: number): Map<string, CalendarDay> {
    const cached = this.cache.get(year);
    if (cached) return cached;
    const rule = this.ruleFor(year);
    const ann = this.announcement(year);
    const weekend = new Set(rule.weekend);
    const days = new Map<string, CalendarDay>();
    const computed: CalendarDay[] = [];
    for (const h of rule.holidays) {
      const announced = ann?.holidays[h.key];
      if (announced) {
        for (const date of announced)
          days.set(date, { date, nameVi: h.nameVi, kind: 'holiday', origin: 'announced' });
        continue;
      }
      const dates: string[] = [];
      if (h.solar) {
        const d = `${year}-${pad(h.solar.month)}-${pad(h.solar.day)}`;
        dates.push(d);
        if (h.adjacentDay) dates.push(adjacentOf(d));
      }
      if (h.lunar) {
        const d = lunarToSolar(h.lunar.day, h.lunar.month, year);
        if (d) dates.push(d);
      }
      if (h.lunarNewYear) {
        const tet = tetDate(year);
        for (let i = -h.lunarNewYear.daysBefore; i < h.lunarNewYear.daysAfter; i += 1)
          dates.push(addDaysIso(tet, i));
      }
      for (const date of dates) {
        const day: CalendarDay = { date, nameVi: h.nameVi, kind: 'holiday', origin: 'rules' };
        days.set(date, day);
        computed.push(day);
      }
    }
    // Labour Code Art. 111: a holiday on a weekly rest day is taken on the next working day.
    if (rule.compensateWeekend) {
      for (const h of computed.sort((a, b) => (a.date < b.date ? -1 : 1))) {
        if (!weekend.has(weekdayOf(h.date))) continue;
        let d = addDaysIso(h.date, 1);
        while (weekend.has(weekdayOf(d)) || days.has(d)) d = addDaysIso(d, 1);
        days.set(d, { date: d, nameVi: `Nghỉ bù ${h.nameVi}`, kind: 'compensatory', origin: 'rules' });
      }
    }
    for (const x of ann?.extraDaysOff ?? [])
      days.set(x.date, { date: x.date, nameVi: x.nameVi, kind: 'swap', origin: 'announced' });
    for (const x of ann?.workingDays ?? [])
      days.set(x.date, { date: x.date, nameVi: x.nameVi, kind: 'working', origin: 'announced' });
    this.cache.set(year, days);
    return days;
  }

  isWorkingDay(iso: string): boolean {
    const year = Number(iso.slice(0, 4));
    const special = this.yearDays(year).get(iso);
    if (special) return special.kind === 'working';
    return !new Set(this.ruleFor(year).weekend).has(weekdayOf(iso));
  }

  /** The n-th working day after `iso` (a period "from the day of receipt" starts the next day). */
  addWorkingDays(iso: string, n: number): string {
    let d = iso;
    let counted = 0;
    while (counted < n) {
      d = addDaysIso(d, 1);
      if (this.isWorkingDay(d)) counted += 1;
    }
    return d;
  }

  /** Working days in (from, to]: 0 when `to` is not after `from`. */
  workingDaysBetween(from: string, to: string): number {
    let n = 0;
    for (let d = addDaysIso(from, 1); d <= to; d = addDaysIso(d, 1)) if (this.isWorkingDay(d)) n += 1;
    return n;
  }

  view(year: number, edited: boolean): CalendarYearView {
    const ann = this.announcement(year);
    const weekend = new Set(this.ruleFor(year).weekend);
    const days = [...this.yearDays(year).values()]
      // A holiday on a weekend changes nothing by itself (its compensatory day is listed).
      .filter((d) => d.kind === 'working' || !weekend.has(weekdayOf(d.date)))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
    return {
      year,
      announced: ann !== null,
      edited,
      source: ann?.source || null,
      ruleSource: this.ruleFor(year).source,
      dataVersion: this.data.dataVersion,
      days,
      announcement: ann,
    };
  }
}

const YEAR_PREFIX = 'calendar.year.';

function readOverrides(db: Db): Map<number, YearAnnouncement> {
  const rows = db.prepare(`SELECT key, value FROM settings WHERE key LIKE 'calendar.year.%'`).all() as {
    key: string;
    value: string;
  }[];
  const out = new Map<number, YearAnnouncement>();
  for (const r of rows) {
    const parsed = YearAnnouncement.safeParse(JSON.parse(r.value));
    if (parsed.success) out.set(Number(r.key.slice(YEAR_PREFIX.length)), parsed.data);
  }
  return out;
}

/** The calendar in force for this archive: the shipped data and the announcements from Settings. */
export function workingCalendar(db: Db, data: CalendarData = shippedData()): WorkingCalendar {
  return new WorkingCalendar(data, readOverrides(db));
}

export function calendarYearView(db: Db, year: number): CalendarYearView {
  const edited = readOverrides(db).has(year);
  return workingCalendar(db).view(year, edited);
}

/** Saves a year's announcement (null: back to the shipped data), audited; call in a transaction
 *  with the recomputation of open requests' due dates. */
export function writeCalendarYear(
  db: Db,
  year: number,
  announcement: YearAnnouncement | null,
  actor: string,
): void {
  if (!Number.isInteger(year) || year < 1990 || year > 2199)
    throw new AppError('INVALID_INPUT', `year ${year}`);
  const key = YEAR_PREFIX + year;
  if (announcement === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
  else {
    const parsed = YearAnnouncement.parse(announcement);
    for (const d of [
      ...Object.values(parsed.holidays).flat(),
      ...parsed.extraDaysOff.map((x) => x.date),
      ...parsed.workingDays.map((x) => x.date),
    ]) {
      if (!d.startsWith(`${year}-`)) throw new AppError('INVALID_INPUT', `date ${d} is not in ${year}`);
    }
    db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ).run(key, JSON.stringify(parsed));
  }
  appendAudit(db, { actor, action: 'calendar.updated', payload: { year, announcement } });
}
