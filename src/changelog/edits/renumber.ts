// `renumber:` on insert-clause and delete-clause: the clauses or sub-paragraphs that take a new number because a
// clause was inserted before them or removed ("renumber G3.6 and G3.7 as G3.7 and G3.8"). It is a map of old
// ID to new ID, written out in full so a reader sees every number that changes; the sub-paragraphs and rows of a
// renumbered clause follow it without being listed. Addresses in other edits stay the old ones (every edit
// resolves against the text drafted against), so a renumbered clause can also have its words changed.

import type { Block } from '../../model/types.js';
import { idPrefix, leadingLabel, leadingNumber, parseId } from '../../model/index.js';
import type { ChangeLogFields } from '../fields.js';
import { scalarString } from '../../yaml/fields.js';
import type { DocIndex } from '../doc-index.js';
import type { PlanContext } from '../plan-types.js';
import type { Edit, Renumbering } from '../types.js';
import { describeNode } from '../../yaml/tree.js';

export function readRenumbering(r: ChangeLogFields): Renumbering | null {
  const n = r.node('renumber');
  if (n === undefined) return { map: new Map(), pos: new Map() };
  if (n.type !== 'map' || n.entries.length === 0) {
    r.report(n.pos, `${r.context}: 'renumber' must be a map of old ID to new ID, e.g. { G3.6: G3.7 }, found ${describeNode(n)}`);
    return null;
  }
  const out: Renumbering = { map: new Map(), pos: new Map() };
  for (const e of n.entries) {
    const from = r.checkId(e.key, e.keyPos, 'renumber', {});
    const value = scalarString(e.value);
    const to = value === null ? null : r.checkId(value, e.value.pos, 'renumber', {});
    if (value === null) r.report(e.value.pos, `${r.context}: renumber '${e.key}' must map to the new ID, found ${describeNode(e.value)}`);
    if (!from || !to) continue;
    if (out.map.has(from.id)) {
      r.report(e.keyPos, `${r.context}: '${from.id}' is renumbered twice`);
      continue;
    }
    out.map.set(from.id, to.id);
    out.pos.set(from.id, e.value.pos);
  }
  return r.ok ? out : null;
}

/** The new label of `b` when its ID becomes `to`, or null when `to` is not a number of the same kind and level. */
function newLabel(doc: DocIndex, b: Block, to: string): string | null {
  const parsed = parseId(to);
  if (!parsed || parsed.doc.kind !== doc.doc.meta.kind || parsed.doc.code !== doc.doc.meta.code) return null;
  if (b.kind === 'subpara') {
    const parent = b.id.slice(0, b.id.length - b.label.length);
    const label = to.startsWith(parent) ? to.slice(parent.length) : '';
    return label !== '' && leadingLabel(label) === label ? label : null;
  }
  const prefix = idPrefix(doc.doc.meta);
  const label = to.startsWith(prefix) ? to.slice(prefix.length) : '';
  if (label === '' || leadingNumber(doc.doc.meta, `${label} x`, b.kind === 'heading') !== label) return null;
  return label.split('.').length === b.label.split('.').length ? label : null;
}

/**
 * Plans the renumbering. `freed` are IDs the edit itself removes (a removed clause); `claimed` the ID a new
 * clause takes. New IDs may only be IDs that this renumbering (or the edit) frees. Returns false on a problem.
 */
export function planRenumbering(ctx: PlanContext, edit: Edit, doc: DocIndex, ren: Renumbering, freed: readonly string[], claimed: string | null): boolean {
  let ok = true;
  const targets = new Set<string>();
  if (claimed !== null) targets.add(claimed);
  const planned: { index: number; label: string }[] = [];
  for (const [from, to] of ren.map) {
    const pos = ren.pos.get(from) ?? edit.pos;
    const index = doc.byId.get(from);
    if (index === undefined) {
      ctx.report(pos, `renumber: '${from}' not found in ${doc.id} (${doc.doc.file})`, 'changelog-unknown-clause');
      ok = false;
      continue;
    }
    const b = doc.block(index);
    const numbered = b.label !== '' && (b.kind === 'clause' || b.kind === 'heading' || b.kind === 'subpara');
    const label = numbered ? newLabel(doc, b, to) : null;
    if (label === null) {
      ctx.report(pos, numbered ? `renumber: '${to}' is not a number for ${from} (the same document, kind and level, e.g. '${b.kind === 'subpara' ? b.id.slice(0, b.id.length - b.label.length) + '(x)' : from + 'A'}')` : `renumber: '${from}' is a ${b.kind} and has no number`, 'changelog-numbering');
      ok = false;
      continue;
    }
    if (targets.has(to)) {
      ctx.report(pos, `renumber: two clauses would be numbered '${to}'`, 'changelog-id-exists');
      ok = false;
      continue;
    }
    targets.add(to);
    planned.push({ index, label });
  }
  // Every new ID must be free once this edit is done: not in the document, or renumbered away or removed here.
  for (const [from, to] of ren.map) {
    if (to === from) continue;
    const taken = doc.byId.get(to);
    if (taken !== undefined && !ren.map.has(to) && !freed.includes(to)) {
      ctx.report(ren.pos.get(from) ?? edit.pos, `renumber: ${to} already exists (${doc.where(taken)}) and is not renumbered by this edit`, 'changelog-id-exists');
      ok = false;
    }
  }
  if (!ok) return false;
  for (const p of planned) if (doc.block(p.index).label !== p.label) ctx.relabel(edit, doc, p.index, p.label);
  return true;
}

export function describeRenumbering(ren: Renumbering): string {
  if (ren.map.size === 0) return '';
  return `, renumbering ${[...ren.map].map(([a, b]) => `${a} as ${b}`).join(', ')}`;
}
