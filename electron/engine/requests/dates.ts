/** Calendar dates as ISO `yyyy-mm-dd` strings: no time, no zone — a deadline is a day. */
// Per-function entry points: the package root loads every date-fns module (~0.3 s more start-up
// for every CLI command, measured).
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { getDay } from 'date-fns/getDay';
import { parseISO } from 'date-fns/parseISO';
import { localDayOf } from '../clock';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = parseISO(value);
  return !Number.isNaN(d.getTime()) && format(d, 'yyyy-MM-dd') === value;
}

export function addDaysIso(iso: string, days: number): string {
  return format(addDays(parseISO(iso), days), 'yyyy-MM-dd');
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return getDay(parseISO(iso));
}

/** The office's calendar day (local, not UTC) from the engine's clock. Deadlines run on the real
 *  calendar: MINHBACH_TODAY, which fixes the day law versions default to (tests, evaluations), does
 *  not move them. */
export function localToday(now: Date = new Date()): string {
  return localDayOf(now);
}

/** dd/mm/yyyy for the UI, notices and reports. */
export function viDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
