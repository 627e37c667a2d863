// The drafted wording of each item: a `summary` saying what changed ("G3.5: 'teh' replaced by 'the'; 'DCC '
// inserted before 'Major Security Incident'") and a `proposed` line, both for the drafter to edit.

import type { DraftItem, TextChangeNote } from './types.js';

const MAX_QUOTE = 60;

function q(s: string): string {
  const t = s.length > MAX_QUOTE ? `${s.slice(0, MAX_QUOTE - 1)}…` : s;
  return `'${t}'`;
}

export function describeNotes(notes: readonly TextChangeNote[]): string {
  return notes
    .map((n) => {
      if (n.kind === 'rewrite') return 'text rewritten';
      if (n.kind === 'insert') return `${q(n.new)} inserted ${n.where}`;
      return n.new === '' ? `${q(n.old)} deleted` : `${q(n.old)} replaced by ${q(n.new)}`;
    })
    .join('; ');
}

/** "G3.6 renumbered G3.7, G3.7 renumbered G3.8". */
export function describeStructure(renumber: ReadonlyMap<string, string>): string {
  return [...renumber].map(([a, b]) => `${a} renumbered ${b}`).join(', ');
}

export function itemSummary(items: readonly DraftItem[]): string {
  return items
    .map((it) => {
      const name = it.oldClause ? `${it.clause} (renumbered from ${it.oldClause})` : it.clause;
      // Notes that name their clause themselves ('G3.6 inserted after G3.5') need no prefix.
      if (it.notes.length && it.notes.every((n) => /^\S+ /.test(n) && /^(?:[A-Z][A-Za-z]* )?[A-Z]?\d/.test(n))) return it.notes.join('; ');
      return `${name}: ${it.notes.join('; ') || 'changed'}`;
    })
    .join('. ')
    .concat('.');
}

export function itemProposed(items: readonly DraftItem[]): string {
  const clauses = [...new Set(items.map((it) => it.oldClause ?? it.clause))];
  const list = clauses.length <= 3 ? clauses.join(', ') : `${clauses.slice(0, 3).join(', ')} and ${clauses.length - 3} more`;
  return `Amend ${list} as set out in the edits (drafted from the amended text; review the wording).`;
}
