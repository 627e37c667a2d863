// The invariant of every apply: the amended documents have no `check` error that the documents they came from
// did not have. Each edit checks what it can see on its own; this catches what only the whole result shows
// (two insertions given one number, G3.6B without G3.6A, a clause deleted while another still refers to it),
// and turns each new error into a problem at the change-log item that caused it, so nothing is written.

import type { Problem, SecDocument } from '../model/types.js';
import { docId } from '../model/doc-ref.js';
import { newCheckErrors } from '../check/index.js';
import type { Redline } from '../redline/types.js';
import { problem } from '../util/errors.js';

export interface ItemPlace {
  id: string;
  pos: { line: number; column: number };
}

/**
 * The new check errors of an applied change log as problems of the change log, each at the item that touched
 * the block where the error is (else the log's first line), naming the place in the amended document.
 */
export function applyInvariantProblems(
  logFile: string,
  items: readonly ItemPlace[],
  before: ReadonlyMap<string, SecDocument>,
  after: ReadonlyMap<string, SecDocument>,
  redline: () => Redline,
): Problem[] {
  const changed = [...after].filter(([id, d]) => before.get(id) !== d);
  if (changed.length === 0) return [];
  const fresh = newCheckErrors([...before.values()], [...after.values()]);
  const byFile = new Map([...after.values()].map((d) => [d.file, d]));
  // The Redline is asked for only here, to name the item to blame (ApplyResult builds it on first use).
  return fresh.map((p) => {
    const item = culprit(p, byFile.get(p.file), redline(), items);
    const pos = item?.pos ?? { line: 1, column: 1 };
    const who = item ? `item '${item.id}': ` : '';
    return problem(logFile, pos.line, pos.column, `${who}the amended ${p.file} would fail check at line ${p.line}: ${p.message} [${p.rule}]; nothing is written`, 'changelog-result');
  });
}

function culprit(p: Problem, doc: SecDocument | undefined, redline: Redline, items: readonly ItemPlace[]): ItemPlace | null {
  if (!doc) return null;
  let block = doc.blocks[0];
  for (const b of doc.blocks) if ((b.line ?? 0) <= p.line) block = b;
  const docRedline = redline.documents.find((d) => docId(d.meta) === docId(doc.meta));
  let ids: string[] = [];
  for (const c of docRedline?.clauses ?? []) {
    const b = c.blocks.find((x) => block && x.id === block.id && x.status !== 'deleted');
    if (b && b.items.length) ids = b.items;
    else if (b && c.items.length) ids = c.items;
  }
  // No item touched that block (a reference to a deleted clause): blame the first item that edited the document.
  if (ids.length === 0) ids = docRedline?.clauses.flatMap((c) => c.items) ?? [];
  if (ids.length === 0) ids = redline.documents.flatMap((d) => d.clauses.flatMap((c) => c.items));
  return items.find((i) => ids.includes(i.id)) ?? null;
}
