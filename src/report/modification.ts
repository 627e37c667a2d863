// The computable parts of a Modification Report, from one change log: what the modification is and where it
// stands, the SEC documents it impacts (derived from its edits, never typed), the SEC Party categories and DCC
// Systems it impacts, the technical specification versions, the items table and the implementation. Facts the
// change log does not state are shown as not stated and reported as warnings, never guessed.

import type { Problem } from '../model/types.js';
import { compareDocRefs, docId, docOfId, parseDocId, proseName } from '../model/index.js';
import type { ChangeLog } from '../changelog/types.js';
import { identifierKind, PARTY_CATEGORIES } from '../changelog/lifecycle.js';
import { ITEM_COLUMNS } from '../render/table-items.js';
import { displayDate } from '../util/calendar-date.js';
import { problem } from '../util/errors.js';
import { TICK, type Report, type ReportSection } from './types.js';

/** Display names of documents by canonical ID ('Section G' → "Section G 'Security'"). */
export type DocTitles = ReadonlyMap<string, string>;

export function documentsImpacted(log: ChangeLog): string[] {
  const docs = new Set<string>();
  for (const item of log.items) {
    for (const s of item.sections) {
      const ref = docOfId(s);
      if (ref) docs.add(docId(ref));
    }
  }
  return [...docs].sort((a, b) => compareDocRefs(parseDocId(a)!, parseDocId(b)!));
}

function long(date: string): string {
  return displayDate(date) ?? date;
}

function notStated(log: ChangeLog, field: string, problems: Problem[]): string {
  const pos = log.lifecycle?.pos ?? { line: 1, column: 1 };
  problems.push(problem(log.file, pos.line, pos.column, `${log.modification.id}: the change log does not state lifecycle.${field}; the report shows it as not stated`, 'report-missing-fact', 'warning'));
  return 'Not stated in the change log.';
}

export function modificationReport(log: ChangeLog, titles: DocTitles): { report: Report; problems: Problem[] } {
  const problems: Problem[] = [];
  const lc = log.lifecycle;
  const id = log.modification.id;
  const kind = identifierKind(id);
  const docs = documentsImpacted(log);

  const status: string[] = [kind];
  if (lc?.route) status.push(lc.route);
  if (lc?.stage) status.push(`stage: ${lc.stage}`);
  const meta = [status.join(' · '), `Target release: ${log.release}${lc?.cutOff ? ` (decision needed by ${long(lc.cutOff)})` : ''}`, `Legal text drafted by ${log.drafter}, ${long(log.date)}`];

  const sections: ReportSection[] = [];

  if (lc && (lc.steps.length > 0 || lc.decisions.length > 0)) {
    sections.push({
      heading: 'Progress and decisions',
      paragraphs: [],
      table: {
        header: ['Step or decision', 'Date'],
        // Steps and decisions in date order (a stable sort keeps a step before the decision taken that day).
        rows: [...lc.steps.map((s) => ({ what: s.step, date: s.date })), ...lc.decisions.map((d) => ({ what: `${d.body}: ${d.outcome}`, date: d.date }))]
          .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
          .map((e) => [e.what, long(e.date)]),
      },
    });
  }

  const parties = lc?.parties ?? null;
  sections.push({
    heading: 'SEC Party categories impacted',
    paragraphs: parties === null ? [notStated(log, 'parties', problems)] : parties.length === 0 ? ['No SEC Party category is directly impacted.'] : [],
    ...(parties !== null && parties.length > 0
      ? { table: { header: ['SEC Party category', 'Impacted'], rows: PARTY_CATEGORIES.map((c) => [c, parties.includes(c) ? TICK : '']) } }
      : {}),
  });

  const dcc = lc?.dccSystems ?? null;
  sections.push({
    heading: 'DCC System',
    paragraphs: [dcc === null ? notStated(log, 'dccSystems', problems) : dcc ? 'This modification impacts the DCC Systems.' : 'This modification does not impact the DCC Systems.'],
  });

  sections.push({
    heading: 'SEC and subsidiary documents impacted',
    paragraphs: [`${docs.length} document${docs.length === 1 ? '' : 's'}, derived from the change log's edits:`],
    list: docs.map((d) => {
      const t = titles.get(d);
      if (t === undefined) {
        problems.push(problem(log.file, 1, 1, `${id}: no document ${d} was found to take its title from; the report names it without its title`, 'report-missing-fact', 'warning'));
      }
      return t ?? d;
    }),
  });

  const specs = lc?.specifications ?? null;
  sections.push({
    heading: 'Technical specification versions',
    paragraphs: specs === null ? [notStated(log, 'specifications', problems)] : specs.length === 0 ? ['This modification changes no technical specification.'] : [],
    ...(specs !== null && specs.length > 0 ? { table: { header: ['Specification', 'Current version', 'New version'], rows: specs.map((s) => [s.name, s.from, s.to]) } } : {}),
  });

  sections.push({
    heading: 'Items',
    paragraphs: [`The ${log.items.length} item${log.items.length === 1 ? '' : 's'} of the legal text (Annex A):`],
    table: { header: [...ITEM_COLUMNS], rows: log.items.map((i) => [i.id, i.summary, i.sections.map(proseName).join('\n'), i.proposed]) },
  });

  sections.push({
    heading: 'Implementation',
    paragraphs: [
      `Implementation is targeted for the ${log.release}.` +
        (lc?.cutOff ? ` A decision is needed on or before ${long(lc.cutOff)} for the modification to be included.` : ''),
    ],
  });

  const data = {
    schema: 'sec-redline/modification-report@1',
    modification: { id, title: log.modification.title, kind },
    route: lc?.route ?? null,
    stage: lc?.stage ?? null,
    steps: lc?.steps.map((s) => ({ step: s.step, date: s.date })) ?? [],
    decisions: lc?.decisions.map((d) => ({ body: d.body, outcome: d.outcome, date: d.date })) ?? [],
    parties,
    dccSystems: dcc,
    documents: docs.map((d) => ({ id: d, name: titles.get(d) ?? null })),
    specifications: specs?.map((s) => ({ name: s.name, from: s.from, to: s.to })) ?? null,
    release: log.release,
    cutOff: lc?.cutOff ?? null,
    items: log.items.map((i) => ({ id: i.id, summary: i.summary, sections: i.sections, proposed: i.proposed })),
  };
  return {
    report: { title: `${id} '${log.modification.title}': Modification Report`, meta, sections, date: log.date, data },
    problems,
  };
}
