// The one reader of calendar dates (YYYY-MM-DD) for change logs, releases, life-cycle steps, --date and
// SOURCE_DATE_EPOCH, and the one way SEC documents display them ('27 June 2024'). Strict: 2024-02-30 is refused.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** True for a real date written YYYY-MM-DD (no 30 February, no month 13). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** '2024-06-27' → '27 June 2024'; null when the input is not a real date. */
export function displayDate(date: string): string | null {
  if (!isCalendarDate(date)) return null;
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]!} ${y!}`;
}

/** A date as YYYY-MM-DD in UTC. */
export function calendarDateOf(t: Date): string {
  return t.toISOString().slice(0, 10);
}
