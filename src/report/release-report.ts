// The tables of a Release Implementation Document, computed from the release file and its modifications'
// change logs: the scope (approved and targeted, with cut-off dates), the participant impact matrix, the SEC
// document impact matrix (from the planned edits) and the technical specification matrix. A fact a table needs
// that a change log does not state is a problem at that change log, never a guess.

import type { Problem } from '../model/types.js';
import type { ChangeLog } from '../changelog/types.js';
import type { PartyCategory } from '../changelog/lifecycle.js';
import { matrixCells, type ImpactMatrix, type Modification, type Release } from '../release/index.js';
import { displayDate } from '../util/calendar-date.js';
import { problem } from '../util/errors.js';
import { TICK, type Report } from './types.js';

/** The participant columns of a release, and the SEC Party categories each stands for. */
export const PARTICIPANTS: readonly { column: string; categories: readonly PartyCategory[] }[] = [
  { column: 'Suppliers', categories: ['Large Suppliers', 'Small Suppliers'] },
  { column: 'Electricity Networks', categories: ['Electricity Network Operators'] },
  { column: 'Gas Networks', categories: ['Gas Network Operators'] },
  { column: 'Other SEC Parties', categories: ['Other SEC Parties'] },
  { column: 'DCC', categories: ['DCC'] },
];

function long(date: string): string {
  return displayDate(date) ?? date;
}

export function releaseReport(release: Release, mods: readonly Modification[], matrix: ImpactMatrix): { report: Report; problems: Problem[] } {
  const problems: Problem[] = [];
  const missing = (log: ChangeLog, field: 'cutOff' | 'parties' | 'specifications', table: string): void => {
    const pos = log.lifecycle?.pos ?? { line: 1, column: 1 };
    const hint = field === 'cutOff' ? 'the last decision date for inclusion, YYYY-MM-DD' : 'write the list, or [] for none';
    problems.push(
      problem(log.file, pos.line, pos.column, `${log.modification.id}: the ${table} needs lifecycle.${field}, which this change log does not state (${hint})`, 'report-missing-fact'),
    );
  };

  const scopeRows = mods.map((m) => {
    const lc = m.log.lifecycle;
    if (m.entry.status === 'targeted' && !lc?.cutOff) missing(m.log, 'cutOff', 'scope of a targeted modification');
    return [m.log.modification.id, m.log.modification.title, m.entry.status === 'approved' ? 'Approved' : 'Targeted', lc?.route ?? '', m.entry.status === 'targeted' && lc?.cutOff ? long(lc.cutOff) : ''];
  });

  const participantRows = mods.map((m) => {
    const parties = m.log.lifecycle?.parties ?? null;
    if (parties === null) missing(m.log, 'parties', 'participant impact matrix');
    return [m.log.modification.id, ...PARTICIPANTS.map((p) => (parties?.some((c) => p.categories.includes(c)) ? TICK : ''))];
  });

  // One row per specification version the release introduces; a column per modification.
  const specs = new Map<string, { name: string; from: Set<string>; to: string; by: Set<string> }>();
  for (const m of mods) {
    const list = m.log.lifecycle?.specifications ?? null;
    if (list === null) {
      missing(m.log, 'specifications', 'technical specification matrix');
      continue;
    }
    for (const s of list) {
      const key = `${s.name}\u0000${s.to}`;
      let row = specs.get(key);
      if (!row) specs.set(key, (row = { name: s.name, from: new Set(), to: s.to, by: new Set() }));
      row.from.add(s.from);
      row.by.add(m.log.modification.id);
    }
  }
  const specMods = mods.map((m) => m.log.modification.id);
  const specRows = [...specs.values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0))
    .map((s) => [s.name, [...s.from].sort().join(', '), s.to, ...specMods.map((id) => (s.by.has(id) ? TICK : ''))]);

  const doc = matrixCells(matrix);
  const approved = mods.filter((m) => m.entry.status === 'approved').length;
  const report: Report = {
    title: `${release.name}: Release Implementation Document tables`,
    meta: [`Release date ${long(release.date)}`, `${mods.length} modification${mods.length === 1 ? '' : 's'}: ${approved} approved, ${mods.length - approved} targeted`],
    sections: [
      {
        heading: 'Scope',
        paragraphs: ['Targeted modifications are included if a decision to approve is received by their cut-off date. The tables below assume every targeted modification is approved.'],
        table: { header: ['Modification', 'Title', 'Status', 'Route', 'Cut-off date'], rows: scopeRows },
      },
      {
        heading: 'Participant impact matrix',
        paragraphs: [],
        table: { header: ['Modification', ...PARTICIPANTS.map((p) => p.column)], rows: participantRows, note: `${TICK} marks a participant the modification impacts.` },
      },
      {
        heading: 'SEC document impact matrix',
        paragraphs: [],
        table: { header: doc.header, rows: doc.rows, note: 'Each cell lists the items of the modification that change the document.' },
      },
      {
        heading: 'Technical specification impact matrix',
        paragraphs: specRows.length === 0 ? ['No modification in this release changes a technical specification.'] : [],
        ...(specRows.length > 0
          ? { table: { header: ['Specification', 'Current version', 'New version', ...specMods], rows: specRows, note: `${TICK} marks a modification that changes the specification in that version.` } }
          : {}),
      },
    ],
    date: release.date,
    data: {
      schema: 'sec-redline/release-report@1',
      release: release.name,
      date: release.date,
      scope: mods.map((m) => ({ id: m.log.modification.id, title: m.log.modification.title, status: m.entry.status, route: m.log.lifecycle?.route ?? null, cutOff: m.log.lifecycle?.cutOff ?? null })),
      participants: mods.map((m) => ({
        id: m.log.modification.id,
        impacts: Object.fromEntries(PARTICIPANTS.map((p) => [p.column, m.log.lifecycle?.parties?.some((c) => p.categories.includes(c)) ?? null])),
      })),
      documents: matrix.rows.map((r) => ({ document: r.doc, oldVersion: r.oldVersion, newVersion: r.newVersion, items: Object.fromEntries(matrix.columns.map((c, i) => [c.id, r.cells[i] ?? []])) })),
      specifications: [...specs.values()].map((s) => ({ name: s.name, from: [...s.from].sort(), to: s.to, modifications: [...s.by] })),
    },
  };
  return { report, problems };
}
