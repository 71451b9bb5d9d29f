/**
 * The engine's one "today" (local date, yyyy-mm-dd): which law version a decision or suggestion
 * defaults to depends on it (a decision dated from 1 Sept 2026 falls under the new Law on Access
 * to Information). MINHBACH_TODAY=yyyy-mm-dd fixes it — for tests and for re-running an
 * evaluation "as of" a date; it never changes a date that is stored.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function localToday(now: Date = new Date()): string {
  const fixed = process.env.MINHBACH_TODAY;
  if (fixed && ISO_DATE.test(fixed)) return fixed;
  return localDayOf(now);
}

/** The local calendar day of an instant (a stored ISO time), never overridden. */
export function localDayOf(instant: string | Date): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
