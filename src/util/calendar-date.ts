// The one reader of calendar dates (YYYY-MM-DD) for change logs, releases, life-cycle steps, --date and
// SOURCE_DATE_EPOCH, and the one way SEC documents display them ('27 June 2024'). Strict: 2024-02-30 is refused
// (JavaScript's Date.parse takes it as 1 March), and so are 24:00 and a 60th second.

import { UsageError } from './errors.js';
import { quote } from './excerpt.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** The last second of 9999: a later moment has no YYYY-MM-DD form (and Date itself ends in 275760). */
export const MAX_EPOCH_SECONDS = 253_402_300_799;

/** One moment, in UTC: its day ('2024-06-27') and the instant to the second ('2024-06-27T10:00:00Z'). */
export interface DateStamp {
  day: string;
  iso: string;
}

/** True for a real date written YYYY-MM-DD (no 30 February, no month 13). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  // setUTCFullYear, not Date.UTC, which reads years 0–99 as 1900–1999.
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/**
 * A real date 'YYYY-MM-DD' (midnight UTC) or, with `time`, also an ISO 8601 UTC time 'YYYY-MM-DDTHH:MM:SSZ'
 * (a fraction of a second is allowed and dropped); null for anything else.
 */
export function readDateStamp(s: string, opts: { time?: boolean } = {}): DateStamp | null {
  if (isCalendarDate(s)) return { day: s, iso: `${s}T00:00:00Z` };
  return opts.time ? readUtcTime(s) : null;
}

/** An ISO 8601 UTC time 'YYYY-MM-DDTHH:MM:SS[.fff]Z' on a real date (the fraction is dropped); null otherwise. */
export function readUtcTime(s: string): DateStamp | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/.exec(s);
  if (!m || !isCalendarDate(m[1]!) || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4]) > 59) return null;
  return { day: m[1]!, iso: `${m[1]!}T${m[2]!}:${m[3]!}:${m[4]!}Z` };
}

/** A command-line date (`--date`, `--since`): the stamp, or a usage error (exit 2) naming the option. */
export function dateOption(name: string, value: string, opts: { time?: boolean } = {}): DateStamp {
  const stamp = readDateStamp(value, opts);
  if (stamp) return stamp;
  throw new UsageError(
    opts.time
      ? `${name} takes YYYY-MM-DD (a real date) or an ISO 8601 UTC time such as 2024-05-22T09:00:00Z, not ${quote(value)}`
      : `${name} must be a real date written YYYY-MM-DD, not ${quote(value)}`,
  );
}

/** Whole seconds since 1970-01-01T00:00:00Z as decimal digits (SOURCE_DATE_EPOCH, git's %ct); null otherwise. */
export function epochStamp(seconds: string): DateStamp | null {
  if (!/^\d{1,12}$/.test(seconds) || Number(seconds) > MAX_EPOCH_SECONDS) return null;
  const iso = new Date(Number(seconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { day: iso.slice(0, 10), iso };
}

/**
 * SOURCE_DATE_EPOCH (reproducible-builds.org): null when unset or empty; the stamp it names; a usage error
 * (exit 2) naming the variable when it is not a whole number of seconds from 0 to the end of 9999.
 */
export function sourceDateEpoch(env: Readonly<Record<string, string | undefined>>): DateStamp | null {
  const value = env['SOURCE_DATE_EPOCH'];
  if (value === undefined || value === '') return null;
  const stamp = epochStamp(value);
  if (stamp) return stamp;
  throw new UsageError(
    `SOURCE_DATE_EPOCH must be a whole number of seconds up to ${MAX_EPOCH_SECONDS} (the end of 9999) since 1970-01-01 00:00:00 UTC, not ${quote(value)}; unset it or leave it empty for no fixed date`,
  );
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
