// Conflicts and re-letterings as Problems: one per side, each at the edit's own position in its change log
// and naming the other side with its file:line:col, so either drafter can jump to both edits.

import type { Problem } from '../model/types.js';
import { problem } from '../util/errors.js';
import { LABEL_FIELD, type DocLookup, type Edit } from '../changelog/index.js';
import type { ReleaseConflict, Reletter } from './conflicts.js';
import { editName, editPlace, itemOf, type ReleaseOp } from './plan.js';
import { quote } from '../util/excerpt.js';

const ADVICE = 'the release cannot apply both; change one of them or combine them in one modification';

function name(r: ReleaseOp): string {
  return editName(r.mod, itemOf(r.mod, r.edit), r.edit);
}

function at(r: ReleaseOp, message: string, rule: string, severity: Problem['severity'] = 'error'): Problem {
  return problem(r.mod.log.file, r.edit.pos.line, r.edit.pos.column, message, rule, severity);
}


/** 'G3.5 (sections/section-G.md:40)'. */
function blockName(indexes: ReadonlyMap<string, DocLookup>, doc: string, block: number): string {
  const index = indexes.get(doc);
  if (!index || block < 0 || block >= index.blocks.length) return doc;
  return `${index.block(block).id} (${index.where(block)})`;
}

/** What an operation does to its range, for overlap messages: "changes 'teh'", "inserts 'DCC '". */
function rangeAction(r: ReleaseOp, indexes: ReadonlyMap<string, DocLookup>): string {
  const op = r.op;
  if (op.type !== 'text') return 'changes';
  if (op.field === LABEL_FIELD) return `renumbers ${quote(indexes.get(op.doc)?.block(op.block).label ?? '')} as ${quote(op.insert)}`;
  if (op.start === op.end) return `inserts ${quote(op.insert)}`;
  const b = indexes.get(op.doc)?.block(op.block);
  const source = b ? (op.field < 0 ? b.text : b.cells?.[op.field] ?? '') : '';
  return `changes ${quote(source.slice(op.start, op.end))}`;
}

/** What a whole-block edit does: 'deletes M10.4', 'rewrites H17.5', 'renames heading Appendix AG 2.10'. */
function claimAction(edit: Edit): string {
  switch (edit.kind) {
    case 'delete-clause':
      return `${edit.remove ? 'removes' : 'deletes'} ${edit.target}`;
    case 'delete-row':
      return `deletes row ${edit.target}`;
    case 'rewrite':
      return `rewrites ${edit.target}`;
    case 'rename-heading':
      return `renames heading ${edit.target}`;
    default:
      return 'replaces the whole text of the block';
  }
}

function claimVerb(edit: Edit): string {
  return claimAction(edit).split(' ')[0]!;
}

function claims(r: ReleaseOp): boolean {
  return r.op.type === 'delete' || (r.op.type === 'text' && r.op.whole);
}

export function conflictProblems(conflicts: readonly ReleaseConflict[], indexes: ReadonlyMap<string, DocLookup>): Problem[] {
  const out: Problem[] = [];
  for (const c of conflicts) {
    const { a, b } = c;
    const where = blockName(indexes, c.doc, c.block);
    const A = name(a);
    const B = name(b);
    const pa = editPlace(a.mod, a.edit);
    const pb = editPlace(b.mod, b.edit);
    switch (c.kind) {
      case 'overlap': {
        const text = `in ${where}: the edits overlap, so ${ADVICE}`;
        out.push(at(a, `${A} ${rangeAction(a, indexes)} and ${B} (${pb}) ${rangeAction(b, indexes)} ${text}`, 'release-overlap'));
        out.push(at(b, `${B} ${rangeAction(b, indexes)} and ${A} (${pa}) ${rangeAction(a, indexes)} ${text}`, 'release-overlap'));
        break;
      }
      case 'rewrite': {
        const actB = claims(b) ? claimVerb(b.edit) : 'edits';
        out.push(at(a, `${A} ${claimAction(a.edit)}, but ${B} (${pb}) ${actB} ${where}: ${ADVICE}`, 'release-rewrite'));
        out.push(at(b, `${B} ${actB} ${where}, but ${A} (${pa}) ${claimAction(a.edit)}: ${ADVICE}`, 'release-rewrite'));
        break;
      }
      case 'anchor': {
        if (c.anchor?.type === 'text') {
          const side = a.edit.kind === 'insert-text' && a.edit.before !== null ? 'before' : 'after';
          const phrase = quote(c.anchor.phrase);
          out.push(at(a, `${A} inserts ${side} ${phrase} in ${where}, but ${B} (${pb}) changes those words: the edit would lose its place, so ${ADVICE}`, 'release-anchor'));
          out.push(at(b, `${B} changes ${phrase} in ${where}, but ${A} (${pa}) inserts ${side} those words: the edit would lose its place, so ${ADVICE}`, 'release-anchor'));
        } else {
          const side = a.op.type === 'insert' ? a.op.side : 'after';
          const deletes = b.op.type === 'delete' ? 'deletes' : "deletes (it would read 'Not used')";
          out.push(at(a, `${A} inserts ${side} ${where}, which ${B} (${pb}) ${deletes}: ${ADVICE}`, 'release-anchor'));
          out.push(at(b, `${B} ${deletes.replace('deletes', `deletes ${where}`)}, but ${A} (${pa}) inserts ${side} it: ${ADVICE}`, 'release-anchor'));
        }
        break;
      }
      case 'id': {
        const advice = "give one of them an explicit 'id', or run with --reletter to re-letter the later one";
        const what = a.op.type === 'insert' && a.op.blocks[0]?.kind === 'row' ? 'a new row' : 'new clause';
        const rowAdvice = 'a table has one row per key, so combine the two rows in one modification';
        out.push(at(a, `${A} inserts ${what} ${c.id}, which ${B} (${pb}) also inserts: ${what === 'a new row' ? rowAdvice : advice}`, 'release-id-collision'));
        out.push(at(b, `${B} inserts ${what} ${c.id}, which ${A} (${pa}) also inserts: ${what === 'a new row' ? rowAdvice : advice}`, 'release-id-collision'));
        break;
      }
    }
  }
  return out;
}

/** Notes (warnings) at the re-lettered edit: 'G3.5A becomes G3.5B'. */
export function reletterProblems(reletters: readonly Reletter[]): Problem[] {
  return reletters.map((r) =>
    at(r.rop, `${name(r.rop)} inserts new clause ${r.from}, which ${name(r.first)} (${editPlace(r.first.mod, r.first.edit)}) also inserts: in this release it becomes ${r.to} (--reletter)`, 'release-reletter', 'warning'),
  );
}
