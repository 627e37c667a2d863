// The Change Status Report from every change log and release in the repository: the modifications grouped by
// the stage they are in, the decisions made in a period, and the releases with what each contains. Computed
// from the change logs' life-cycle facts, so it cannot drift from the legal text.

import type { ChangeLog } from '../changelog/types.js';
import { identifierKind, STAGES, type Stage } from '../changelog/lifecycle.js';
import type { Release } from '../release/index.js';
import { displayDate } from '../util/calendar-date.js';
import type { Report, ReportSection } from './types.js';

export interface StatusOptions {
  /** Only decisions on or after this date (YYYY-MM-DD). */
  since?: string;
  /** The report's date; default: the latest date in its sources. */
  date?: string;
  /** The change log a release entry names (its `changes` path), where it is among the logs read. */
  logOf?: (changes: string) => ChangeLog | undefined;
}

function long(date: string): string {
  return displayDate(date) ?? date;
}

/** The date a modification entered its current stage, where the change log says. */
function stageSince(log: ChangeLog): string {
  const lc = log.lifecycle;
  if (!lc?.stage) return '';
  const step = lc.steps.find((s) => s.step === lc.stage);
  if (step) return long(step.date);
  // A final outcome dates from the decision that made it.
  const last = lc.decisions[lc.decisions.length - 1];
  return last && (lc.stage === 'Approved' || lc.stage === 'Rejected') ? long(last.date) : '';
}

export function statusReport(logs: readonly ChangeLog[], releases: readonly Release[], options: StatusOptions = {}): Report {
  const byStage = new Map<Stage | null, ChangeLog[]>();
  for (const log of [...logs].sort((a, b) => (a.modification.id < b.modification.id ? -1 : a.modification.id > b.modification.id ? 1 : 0))) {
    const stage = log.lifecycle?.stage ?? null;
    const list = byStage.get(stage) ?? [];
    list.push(log);
    byStage.set(stage, list);
  }
  const sections: ReportSection[] = [];
  const counts: string[] = [];
  for (const stage of [...STAGES, null] as const) {
    const list = byStage.get(stage);
    if (!list) continue;
    counts.push(`${stage ?? 'Stage not stated'}: ${list.length}`);
    sections.push({
      heading: stage ?? 'Stage not stated',
      paragraphs: [],
      table: {
        header: ['Modification', 'Title', 'Kind', 'Route', 'In this stage since', 'Target release'],
        rows: list.map((l) => [l.modification.id, l.modification.title, identifierKind(l.modification.id), l.lifecycle?.route ?? '', stageSince(l), l.release]),
      },
    });
  }

  const decisions = logs
    .flatMap((l) => (l.lifecycle?.decisions ?? []).map((d) => ({ id: l.modification.id, title: l.modification.title, route: l.lifecycle?.route ?? null, ...d })))
    .filter((d) => options.since === undefined || d.date >= options.since)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  sections.push({
    heading: options.since ? `Decisions since ${long(options.since)}` : 'Decisions',
    paragraphs: decisions.length === 0 ? ['No decisions were made in this period.'] : [],
    ...(decisions.length > 0
      ? { table: { header: ['Date', 'Modification', 'Title', 'Decided by', 'Decision', 'Route'], rows: decisions.map((d) => [long(d.date), d.id, d.title, d.body, d.outcome, d.route ?? '']) } }
      : {}),
  });

  const sortedReleases = [...releases].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const byId = new Map(logs.map((l) => [l.modification.id, l]));
  const entryLog = (m: Release['modifications'][number]): ChangeLog | undefined => (m.id !== null ? byId.get(m.id) : undefined) ?? options.logOf?.(m.changes);
  sections.push({
    heading: 'SEC Releases',
    paragraphs: sortedReleases.length === 0 ? ['No release files were found.'] : [],
    ...(sortedReleases.length > 0
      ? {
          table: {
            header: ['Release', 'Release file', 'Date', 'Modification', 'Title', 'Status'],
            rows: sortedReleases.flatMap((r) =>
              r.modifications.map((m) => {
                const log = entryLog(m);
                return [r.name, r.file, long(r.date), log?.modification.id ?? m.id ?? m.changes, log?.modification.title ?? '', m.status === 'approved' ? 'Approved' : 'Targeted'];
              }),
            ),
          },
        }
      : {}),
  });

  const dates = [
    ...logs.flatMap((l) => [l.date, ...(l.lifecycle?.steps.map((s) => s.date) ?? []), ...(l.lifecycle?.decisions.map((d) => d.date) ?? [])]),
    ...releases.map((r) => r.date),
  ].sort();
  const date = options.date ?? dates[dates.length - 1] ?? null;
  return {
    title: 'Change Status Report',
    meta: [...(date ? [`As at ${long(date)}`] : []), `${logs.length} modification${logs.length === 1 ? '' : 's'} (${counts.join('; ')})`],
    sections,
    date,
    data: {
      schema: 'sec-redline/status@1',
      date,
      since: options.since ?? null,
      stages: [...STAGES, null]
        .filter((s) => byStage.has(s))
        .map((s) => ({ stage: s, modifications: byStage.get(s)!.map((l) => ({ id: l.modification.id, title: l.modification.title, kind: identifierKind(l.modification.id), route: l.lifecycle?.route ?? null, release: l.release })) })),
      decisions: decisions.map((d) => ({ id: d.id, body: d.body, outcome: d.outcome, date: d.date })),
      releases: sortedReleases.map((r) => ({ name: r.name, file: r.file, date: r.date, modifications: r.modifications.map((m) => ({ id: entryLog(m)?.modification.id ?? m.id, changes: m.changes, status: m.status })) })),
    },
  };
}
