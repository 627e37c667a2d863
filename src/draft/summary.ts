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

/** One note ('X' replaced by 'Y') as the instruction it stands for (replace 'X' with 'Y'). */
function imperative(note: string): string {
  const rules: [RegExp, string][] = [
    [/^(.*) replaced by (.*)$/s, 'replace $1 with $2'],
    [/^(.*) inserted (before|after|at) (.*)$/s, 'insert $1 $2 $3'],
    [/^(.*) inserted$/s, 'insert $1'],
    [/^(.*) deleted \(now 'Not used'\)$/s, "delete $1, leaving 'Not used'"],
    [/^deleted \(now 'Not used'\)$/s, "delete the clause, leaving 'Not used'"],
    [/^(.*) deleted$/s, 'delete $1'],
    [/^(.*) removed$/s, 'remove $1'],
    [/^(.*) moved$/s, 'move $1'],
    [/^(.*) amended$/s, 'amend $1'],
    [/^heading (.*) renamed (.*)$/s, 'rename the heading $1 as $2'],
    [/^text rewritten$/, 'rewrite the text'],
    [/^(.*) rewritten whole$/s, 'rewrite $1 whole'],
    [/^a paragraph inserted$/, 'insert a paragraph'],
  ];
  for (const [re, to] of rules) if (re.test(note)) return note.replace(re, to);
  if (/ renumbered /.test(note)) return `renumber ${note.replace(/ renumbered /g, ' as ')}`;
  return note;
}

/** The notes of an item as instructions: "In G3.5, replace 'teh' with 'the'; insert 'DCC ' before 'Major'." */
function instructions(it: DraftItem): string {
  const parts = it.notes.flatMap((n) => {
    // 'x: a; b' — a sub-paragraph's own notes keep their label in front.
    const m = /^(\([^)]*\)(?: \(formerly \([^)]*\)\))?): (.*)$/s.exec(n);
    if (m) return [`in ${m[1]}, ${m[2]!.split('; ').map(imperative).join('; ')}`];
    return n.split('; ').map(imperative);
  });
  return parts.join('; ');
}

export function itemProposed(items: readonly DraftItem[]): string {
  const sentences = items.map((it) => {
    const text = instructions(it);
    const self = it.notes.length > 0 && it.notes.every((n) => /^(?:[A-Z][A-Za-z]* )?[A-Z]?\d/.test(n));
    const where = it.oldClause ?? it.clause;
    const body = self ? text : `In ${where}, ${text}`;
    return body.charAt(0).toUpperCase() + body.slice(1);
  });
  const all = sentences.join('. ');
  return all.length > 600 ? `${all.slice(0, 598)}…` : `${all}.`;
}
