// The pure core of `sec-redline release`: given the release, its loaded change logs and the baseline, validate
// every modification on its own, plan them all against the baseline, find the conflicts between them, and
// check the release's version labels against the documents the modifications actually change. Nothing is
// applied here; composeRelease does that once this reports no errors.

import type { Problem, SecDocument } from '../model/types.js';
import { problem } from '../util/errors.js';
import { planChangeLog, planProblems, type Plan } from '../changelog/index.js';
import type { Release, ReleaseEntry } from './types.js';
import { planModifications, type Modification, type Planned } from './plan.js';
import { findReleaseConflicts, type ConflictResult } from './conflicts.js';
import { conflictProblems, reletterProblems } from './messages.js';
import { pushAll } from '../util/arrays.js';

export interface PrepareOptions {
  /** Plan even where a document's version differs from the one a change log was drafted against. */
  force?: boolean;
  /** Resolve inserted-clause ID collisions by re-lettering the later insertion. */
  reletter?: boolean;
  /** Some modifications of the release could not be read: version labels are not judged (they would mislead). */
  incomplete?: boolean;
}

export interface Prepared {
  mods: Modification[];
  planned: Planned;
  result: ConflictResult;
  /** Document ID → the modifications that change it, in release order. */
  touched: Map<string, Modification[]>;
  /** Document ID → new version label, for the documents the release changes. */
  labels: Map<string, string>;
  /** Every problem: of the change logs, between modifications, of the release file. Warnings included. */
  problems: Problem[];
}

export function prepareRelease(
  release: Release,
  mods: readonly Modification[],
  baseline: ReadonlyMap<string, SecDocument>,
  excluded: readonly ReleaseEntry[],
  options: PrepareOptions = {},
): Prepared {
  const problems: Problem[] = [];
  const at = (pos: { line: number; column: number }, message: string, rule: string, severity: Problem['severity'] = 'error'): void => {
    problems.push(problem(release.file, pos.line, pos.column, message, rule, severity));
  };

  // Each modification on its own, against the baseline: everything `apply` would report.
  // Each is planned once: the same plan is applied here on its own and composed into the release below.
  const valid: Modification[] = [];
  const plans = new Map<Modification, Plan>();
  const byId = new Map<string, Modification>();
  for (const mod of mods) {
    const { log, entry } = mod;
    const plan = planChangeLog(log, baseline, { force: !!options.force });
    plans.set(mod, plan);
    // What applying it alone would report (its own read-back problems filed in its own change log); the documents
    // are made once, all modifications together, by composeRelease.
    const own = planProblems(plan, baseline);
    pushAll(problems, own);
    const where = `modification ${entry.number} (${entry.changes})`;
    let ok = !own.some((p) => p.severity === 'error');
    if (entry.id !== null && entry.id !== log.modification.id) {
      at(entry.idPos ?? entry.pos, `${where}: the release lists it as ${entry.id}, but its change log is ${log.modification.id} '${log.modification.title}'`, 'release-modification');
      ok = false;
    }
    const twin = byId.get(log.modification.id);
    if (twin) {
      at(entry.changesPos, `${where}: ${log.modification.id} is already in the release as ${twin.entry.changes}`, 'release-modification');
      ok = false;
    } else byId.set(log.modification.id, mod);
    if (log.release !== release.name) {
      at(entry.pos, `${where}: ${log.modification.id}'s change log is drafted for '${log.release}', not '${release.name}'`, 'release-modification', 'warning');
    }
    if (ok) valid.push(mod);
  }

  const planned = planModifications(valid, baseline, plans);
  const result = findReleaseConflicts(planned, { reletter: !!options.reletter });
  pushAll(problems, conflictProblems(result.conflicts, planned.indexes));
  pushAll(problems, reletterProblems(result.reletters));

  // Version labels: exactly the documents the modifications change (judged only when every modification could
  // be planned; otherwise a label would look unneeded merely because its modification failed).
  const touched = new Map<string, Modification[]>();
  for (const r of result.ops) {
    const list = touched.get(r.op.doc) ?? touched.set(r.op.doc, []).get(r.op.doc)!;
    if (!list.includes(r.mod)) list.push(r.mod);
  }
  const labels = new Map<string, string>();
  if (valid.length !== mods.length || options.incomplete) return { mods: valid, planned, result, touched, labels, problems };
  const given = new Map(release.versions.map((v) => [v.doc, v]));
  for (const [doc, by] of touched) {
    const label = given.get(doc);
    if (!label) {
      at(release.versionsPos, `versions: ${doc} is changed by ${by.map((m) => m.log.modification.id).join(', ')} but has no new version label: add '${doc}: <label>'`, 'release-version');
      continue;
    }
    const current = baseline.get(doc)?.meta.version;
    if (current === label.version) {
      at(label.pos, `versions: ${doc} is '${current}' now; the release changes it, so it needs a new label`, 'release-version');
      continue;
    }
    labels.set(doc, label.version);
  }
  for (const v of release.versions) {
    if (touched.has(v.doc)) continue;
    if (!baseline.has(v.doc)) {
      at(v.pos, `versions: ${v.doc} is not among the documents loaded (${[...baseline.keys()].join(', ') || 'none'})`, 'release-version');
    } else if (excluded.length > 0) {
      const left = excluded.map((e) => e.id ?? e.changes).join(', ');
      at(v.pos, `versions: ${v.doc} is not changed by the modifications taken in${left ? ` (left out as targeted: ${left})` : ''}, so its label is not applied`, 'release-version', 'warning');
    } else {
      at(v.pos, `versions: no modification of the release changes ${v.doc}: remove its label`, 'release-version');
    }
  }
  return { mods: valid, planned, result, touched, labels, problems };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
