// The one calendar-date reader (src/util/calendar-date.ts): strict dates and times, SOURCE_DATE_EPOCH, and every
// command that takes a date refusing a false one with a usage error (exit 2) that names the option or variable.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { resolve } from 'node:path';
import { MAX_EPOCH_SECONDS, dateOption, displayDate, epochStamp, isCalendarDate, readDateStamp, readUtcTime, sourceDateEpoch } from '../../src/util/calendar-date.js';
import { UsageError } from '../../src/util/errors.js';
import { runCli } from '../helpers/run-cli.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const LOG = 'annexes/housekeeping-2024/changes.yaml';

describe('strict dates', () => {
  it('refuses days a month does not have, and takes 29 February only in leap years', () => {
    for (const bad of ['2024-02-30', '2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-6-1', ' 2024-06-01', '2024-06-01\n']) {
      expect(isCalendarDate(bad), bad).toBe(false);
      expect(readDateStamp(bad, { time: true }), bad).toBeNull();
    }
    for (const good of ['2024-02-29', '2000-02-29', '2024-12-31', '1970-01-01', '0050-03-01']) expect(isCalendarDate(good), good).toBe(true);
  });

  it('reads a UTC time on a real date to the second, and nothing looser', () => {
    expect(readUtcTime('2024-06-27T10:00:00.5Z')).toEqual({ day: '2024-06-27', iso: '2024-06-27T10:00:00Z' });
    for (const bad of ['2024-02-30T10:00:00Z', '2024-06-27T24:00:00Z', '2024-06-27T10:60:00Z', '2024-06-27T10:00:60Z', '2024-06-27T10:00:00+01:00', '2024-06-27 10:00:00Z']) {
      expect(readUtcTime(bad), bad).toBeNull();
    }
    expect(readDateStamp('2024-06-27T10:00:00Z')).toBeNull();
    expect(readDateStamp('2024-06-27')).toEqual({ day: '2024-06-27', iso: '2024-06-27T00:00:00Z' });
  });

  it('agrees with the calendar on every day from 1970 to 9999, and displays it as SEC documents do', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Math.floor(MAX_EPOCH_SECONDS / 86_400) }), fc.integer({ min: 0, max: 86_399 }), (days, second) => {
        const stamp = epochStamp(String(days * 86_400 + second))!;
        const t = new Date((days * 86_400 + second) * 1000);
        expect(stamp.iso).toBe(t.toISOString().replace(/\.000Z$/, 'Z'));
        expect(isCalendarDate(stamp.day)).toBe(true);
        expect(readUtcTime(stamp.iso)).toEqual(stamp);
        const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
        expect(displayDate(stamp.day)).toBe(`${t.getUTCDate()} ${months[t.getUTCMonth()]} ${String(t.getUTCFullYear()).padStart(4, '0')}`);
      }),
      { numRuns: runs(300) },
    );
  });

  it('dateOption is a usage error naming the option', () => {
    expect(() => dateOption('--since', '2024-02-30')).toThrow(new UsageError("--since must be a real date written YYYY-MM-DD, not '2024-02-30'"));
    expect(() => dateOption('--date', '2024-02-30', { time: true })).toThrow(/^--date takes YYYY-MM-DD \(a real date\) or an ISO 8601 UTC time/);
  });
});

describe('SOURCE_DATE_EPOCH', () => {
  it('unset or empty fixes nothing; whole seconds give the UTC day', () => {
    expect(sourceDateEpoch({})).toBeNull();
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '' })).toBeNull();
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '0' })).toEqual({ day: '1970-01-01', iso: '1970-01-01T00:00:00Z' });
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '1719446399' })).toEqual({ day: '2024-06-26', iso: '2024-06-26T23:59:59Z' });
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: String(MAX_EPOCH_SECONDS) })?.iso).toBe('9999-12-31T23:59:59Z');
  });

  it('anything but a whole number of seconds up to the end of 9999 is a usage error naming the variable', () => {
    for (const bad of ['abc', '-1', '1.5', '1e9', ' 1', '0x10', String(MAX_EPOCH_SECONDS + 1), '9'.repeat(40)]) {
      expect(() => sourceDateEpoch({ SOURCE_DATE_EPOCH: bad }), bad).toThrow(UsageError);
      expect(() => sourceDateEpoch({ SOURCE_DATE_EPOCH: bad }), bad).toThrow(/^SOURCE_DATE_EPOCH must be a whole number of seconds up to 253402300799/);
    }
  });
});

describe('every command that takes a date', () => {
  it('annex --date 2024-02-30 exits 2 and says what it takes', async () => {
    const r = await runCli(['annex', LOG, '--format', 'md', '--date', '2024-02-30'], ROOT, { SOURCE_DATE_EPOCH: '' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("sec-redline: --date takes YYYY-MM-DD (a real date) or an ISO 8601 UTC time such as 2024-05-22T09:00:00Z, not '2024-02-30'\n");
  });

  it('annex with SOURCE_DATE_EPOCH=abc exits 2 naming the variable', async () => {
    const r = await runCli(['annex', LOG, '--format', 'md'], ROOT, { SOURCE_DATE_EPOCH: 'abc' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sec-redline: SOURCE_DATE_EPOCH must be a whole number of seconds .*not 'abc'/);
  });

  it('annex with a valid SOURCE_DATE_EPOCH is dated that UTC day (one second before midnight stays on it)', async () => {
    const r = await runCli(['annex', LOG, '--format', 'md'], ROOT, { SOURCE_DATE_EPOCH: '1719446399' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('26 June 2024');
    expect(r.stdout).not.toContain('27 June 2024');
  });

  it('changelog, render and status refuse 30 February too', async () => {
    const changelog = await runCli(['changelog', 'sections', 'sections', '--mod', 'MP250', '--title', 'Nothing', '--date', '2024-02-30'], ROOT);
    expect([changelog.code, changelog.stderr]).toEqual([2, "sec-redline: --date must be a real date written YYYY-MM-DD, not '2024-02-30'\n"]);
    const render = await runCli(['render', 'sections/section-G.md', '-o', '/nonexistent/g.docx', '--date', '2024-02-30'], ROOT);
    expect(render.code).toBe(2);
    expect(render.stderr).toContain("--date takes YYYY-MM-DD (a real date) or an ISO 8601 UTC time such as 2024-05-22T09:00:00Z, not '2024-02-30'");
    const epoch = await runCli(['render', 'sections/section-G.md', '-o', '/nonexistent/g.docx'], ROOT, { SOURCE_DATE_EPOCH: '-1' });
    expect(epoch.code).toBe(2);
    expect(epoch.stderr).toMatch(/SOURCE_DATE_EPOCH must be a whole number/);
    const status = await runCli(['status', '--date', '2024-02-30'], ROOT);
    expect([status.code, status.stderr]).toEqual([2, "sec-redline: --date must be a real date written YYYY-MM-DD, not '2024-02-30'\n"]);
  });
});
