// replace: find a phrase in one clause, several clauses, a document or several documents and replace it.
// Exactly one match unless `occurrence: N` (the n-th) or `all: true` with `expect: N` (every match, and the
// drafter states how many, so a changed text cannot silently widen the edit). Per-occurrence overrides let one
// item replace most instances and delete or reword others ("six 'Fax' replaced/removed with 'Email'").

import type { EditModule } from './edit-module.js';
import type { OccurrenceOverride, ReplaceEdit } from '../types.js';
import type { PlanContext } from '../plan-types.js';
import { MATCH_FIELDS, type Scope, findInScopes, locateOnce, nearMatchHint, notFoundHint, placesOf, quote, readMatchOptions, resolveScopes, scopeName } from './common.js';
import { findAround } from '../match.js';
import { fullId } from '../../model/ids.js';
import { CHANGE_LOG_SCHEMA, ChangeLogFields } from '../fields.js';
import { asMap } from '../../yaml/fields.js';
import { describeNode } from '../../yaml/tree.js';

export const replace: EditModule<ReplaceEdit> = {
  kind: 'replace',
  fields: ['in', 'find', 'with', 'occurrence', 'all', 'expect', 'occurrences', ...MATCH_FIELDS],

  read(r, base) {
    const scope = r.ids('in', { required: "the clause(s) or document(s) to search, e.g. 'in: Section M'", allowDocument: true });
    const find = r.string('find', { required: 'the text to replace, as a reader sees it' });
    const withText = r.string('with', { required: "the replacement ('' deletes the text)", allowEmpty: true });
    const occurrence = r.int('occurrence', 1);
    const all = r.bool('all') ?? false;
    const expect = r.int('expect', 1);
    let ok = scope !== null && find !== null && withText !== null;
    if (occurrence !== null && all) {
      r.report(r.pos('all'), `${r.context}: give 'occurrence: N' (one match) or 'all: true' (every match), not both`);
      ok = false;
    }
    if (all && expect === null && !r.has('expect')) {
      r.report(r.pos('all'), `${r.context}: 'all: true' needs 'expect: N', the number of matches you expect`);
      ok = false;
    }
    if (!all && r.has('expect')) {
      r.report(r.pos('expect'), `${r.context}: 'expect' goes with 'all: true'`);
      ok = false;
    }
    if (find !== null && withText !== null && find === withText) {
      r.report(r.pos('with'), `${r.context}: 'find' and 'with' are the same text`);
      ok = false;
    }
    const occurrences = new Map<number, OccurrenceOverride>();
    const node = r.node('occurrences');
    if (node !== undefined) {
      const map = asMap(node, r.file, r.problems, `${r.context}: 'occurrences'`, CHANGE_LOG_SCHEMA);
      if (!map) ok = false;
      else if (!all) {
        r.report(node.pos, `${r.context}: 'occurrences' overrides go with 'all: true'`);
        ok = false;
      } else {
        for (const e of map.entries) {
          const n = Number(e.key);
          if (!/^\d+$/.test(e.key) || n < 1 || (expect !== null && n > expect)) {
            r.report(e.keyPos, `${r.context}: occurrence '${e.key}' must be a number from 1 to ${expect ?? 'expect'}`);
            ok = false;
            continue;
          }
          const om = asMap(e.value, r.file, r.problems, `${r.context}: occurrence ${n}`, CHANGE_LOG_SCHEMA);
          if (!om) {
            ok = false;
            continue;
          }
          const or = new ChangeLogFields(om, r.file, r.problems, `${r.context}: occurrence ${n}`, ['with', 'find', 'skip']);
          const ow = or.string('with', { allowEmpty: true });
          const of = or.string('find');
          const skip = or.bool('skip') ?? false;
          if (ow === null && of === null && !skip) {
            r.report(e.value.pos, `${r.context}: occurrence ${n} must give 'with' and/or 'find' (a longer phrase around it), or 'skip: true', found ${describeNode(e.value)}`);
            ok = false;
            continue;
          }
          if (skip && (ow !== null || of !== null)) {
            r.report(e.value.pos, `${r.context}: occurrence ${n}: 'skip: true' leaves the occurrence to another edit, so it takes no 'with' or 'find'`);
            ok = false;
            continue;
          }
          const o: OccurrenceOverride = { pos: e.keyPos };
          if (skip) o.skip = true;
          if (ow !== null) o.with = ow;
          if (of !== null) {
            if (find !== null && !(readMatchOptions(r).matchCase ? of.includes(find) : of.toLowerCase().includes(find.toLowerCase()))) {
              r.report(or.pos('find'), `${r.context}: occurrence ${n}: 'find' must contain ${quote(find)} (it widens that match, e.g. to take a comma with it)`);
              ok = false;
            }
            o.find = of;
          }
          occurrences.set(n, o);
        }
      }
    }
    if (!ok || !r.ok) return null;
    return {
      ...base,
      kind: 'replace',
      in: scope!.map((p) => fullId(p)),
      find: find!,
      with: withText!,
      occurrence,
      all,
      expect,
      occurrences,
      ...readMatchOptions(r),
    };
  },

  plan(edit, ctx) {
    const ids = edit.in.map((id) => ctx.parse(id));
    const scopes = resolveScopes(ctx, ids, edit.fieldPos['in'] ?? edit.pos);
    if (!scopes) return;
    const findPos = edit.fieldPos['find'] ?? edit.pos;
    if (!edit.all) {
      const place = locateOnce(ctx, scopes, edit.find, edit, edit.occurrence, findPos, 'find', () => alreadyAppliedHint(edit, ctx, scopes));
      if (!place) return;
      ctx.text(edit, place, edit.with);
      return;
    }
    const { places, straddling } = findInScopes(ctx, scopes, edit.find, edit);
    const where = scopeName(scopes);
    if (places.length !== edit.expect) {
      const near = places.length === 0 ? nearMatchHint(ctx, scopes, edit.find, edit) : '';
      const applied = places.length === 0 && !near ? alreadyAppliedHint(edit, ctx, scopes) : '';
      const found = places.length === 0 ? `not found${applied ? `: already applied? ${applied}` : `${near}${notFoundHint(edit.find, straddling)}`}` : `found ${places.length} time${places.length === 1 ? '' : 's'} (${placesOf(places)})`;
      ctx.report(edit.fieldPos['expect'] ?? findPos, `expected ${edit.expect} instance${edit.expect === 1 ? '' : 's'} of ${quote(edit.find)} in ${where}, ${found}`, applied ? 'changelog-already-applied' : 'changelog-expect');
      return;
    }
    places.forEach((place, i) => {
      const o = edit.occurrences.get(i + 1);
      if (o?.skip) {
        const { doc, block, field, start, end } = place;
        ctx.skipped.push({ doc: doc.id, block, field, start, end, edit, pos: o.pos, what: `occurrence ${i + 1} of ${quote(edit.find)} (${placesOf([place])})` });
        return;
      }
      let target = place;
      if (o?.find !== undefined) {
        const around = findAround(place, o.find, edit, ctx.cache);
        if (around.length !== 1) {
          ctx.report(o.pos, `occurrence ${i + 1}: ${quote(o.find)} ${around.length === 0 ? 'does not surround' : 'surrounds in several ways'} occurrence ${i + 1} of ${quote(edit.find)} (${placesOf([place])})`, 'changelog-anchor');
          return;
        }
        target = around[0]!;
      }
      ctx.text(edit, target, o?.with ?? edit.with);
    });
  },

  describe(e) {
    const how = e.all ? ` (all ${e.expect}${e.occurrences.size ? `, ${e.occurrences.size} handled separately` : ''})` : e.occurrence !== null ? ` (occurrence ${e.occurrence})` : '';
    return `${e.with === '' ? `delete ${quote(e.find)}` : `replace ${quote(e.find)} with ${quote(e.with)}`}${how} in ${e.in.join(', ')}`;
  },
  targets: (e) => e.in,
  clauseEdit: (e) => ({ kind: 'replace', find: e.find }),
};

/** When nothing matched but the replacement is there: a note that the change log may have been applied. */
function alreadyAppliedHint(edit: ReplaceEdit, ctx: PlanContext, scopes: readonly Scope[]): string {
  if (edit.with === '') return '';
  const { places } = findInScopes(ctx, scopes, edit.with, edit);
  return places.length > 0 ? `${quote(edit.with)} appears ${places.length} time${places.length === 1 ? '' : 's'} and ${quote(edit.find)} does not` : '';
}
