// Helpers shared by the edit kinds: match options, scopes, locating a phrase exactly once, quoting.

import type { Block, ParsedId } from '../../model/index.js';
import { listPlaces, type DocIndex } from '../doc-index.js';
import type { ChangeLogFields } from '../fields.js';
import { fieldsOf, findPhrase, type TextPlace } from '../match.js';
import { levenshtein } from '../../util/suggest.js';
import { cellLimbs } from '../../model/limbs.js';
import { columnOf } from '../../model/lookup.js';
import type { PlanContext } from '../plan-types.js';
import type { Edit, MatchOptions, Pos } from '../types.js';
import { pushAll } from '../../util/arrays.js';
import { quote } from '../../util/excerpt.js';

export const MATCH_FIELDS = ['whole-word', 'match-case'] as const;

export function readMatchOptions(r: ChangeLogFields): MatchOptions {
  return { wholeWord: r.bool('whole-word') ?? true, matchCase: r.bool('match-case') ?? true };
}

/** Exactly one of the named fields is present; reports otherwise. Returns the one present. */
export function exactlyOne<T extends string>(r: ChangeLogFields, names: readonly T[], hint: string): T | null {
  const present = names.filter((n) => r.has(n));
  if (present.length === 1) return present[0]!;
  if (present.length === 0) r.report(r.map.pos, `${r.context}: expected one of ${names.map((n) => `'${n}'`).join(', ')} (${hint})`);
  else r.report(r.pos(present[1]!), `${r.context}: give only one of ${present.map((n) => `'${n}'`).join(', ')} (${hint})`);
  return null;
}

export { quote };

export interface Scope {
  doc: DocIndex;
  blocks: number[];
  name: string;
  /** Only this field of the blocks (one table cell). */
  field?: number;
  /** Only this source range of that field (a limb of a cell, 'A1.1[Term](a)'). */
  span?: { start: number; end: number };
}

/**
 * The blocks an ID covers: a whole document, a clause (its numbered block with its sub-paragraphs, paragraphs
 * and tables), or a single block. Scopes are returned in document order.
 */
export function resolveScopes(ctx: PlanContext, ids: readonly ParsedId[], pos: Pos): Scope[] | null {
  const scopes: Scope[] = [];
  let ok = true;
  for (const id of ids) {
    if (id.isDocument) {
      const doc = ctx.document(id.id, pos);
      if (!doc) ok = false;
      else scopes.push({ doc, blocks: doc.blocks.map((_, i) => i), name: doc.id });
      continue;
    }
    const r = ctx.resolve(id, pos);
    if (!r) {
      ok = false;
      continue;
    }
    if (id.limb !== undefined) {
      // A limb of a cell: only its text ('A1.1[Term](a)').
      const limb = limbOf(r.doc, r.index, id);
      if (!limb) {
        ctx.report(pos, `'${id.id}${id.cell !== undefined ? `{${id.cell}}` : ''}${id.limb}' not found: ${id.id} has no limb ${id.limb} (${r.doc.where(r.index)})`, 'changelog-unknown-clause');
        ok = false;
        continue;
      }
      scopes.push({ doc: r.doc, blocks: [r.index], name: `${id.id}${id.limb} (${r.doc.where(r.index)})`, field: limb.column, span: { start: limb.start, end: limb.end } });
      continue;
    }
    scopes.push({ doc: r.doc, blocks: r.doc.scope(r.index), name: `${id.id} (${r.doc.where(r.index)})` });
  }
  return ok ? scopes : null;
}

/** The limb an ID names in a row's cells: its column and source range. */
function limbOf(doc: DocIndex, index: number, id: ParsedId): { column: number; start: number; end: number } | null {
  const row = doc.block(index);
  const columns = id.cell !== undefined ? [columnOf(doc.doc, row, id.cell)] : (row.cells ?? []).map((_, i) => i).slice(1);
  for (const column of columns) {
    const limb = cellLimbs(row.cells?.[column] ?? '').find((l) => l.path === id.limb);
    if (limb) return { column, start: limb.start, end: limb.end };
  }
  return null;
}

export function scopeName(scopes: readonly Scope[]): string {
  return scopes.map((s) => s.name).join(', ');
}

export function placesOf(places: readonly TextPlace[]): string {
  return listPlaces(places.map((p) => ({ file: p.doc.doc.file, line: p.doc.block(p.block).line })));
}

/**
 * Every match in the scopes, in the order the scopes are listed (document order within each). Matches that
 * straddle a formatting boundary only ever explain a phrase not found, so they are collected (by a second,
 * full search) only when nothing matched.
 */
export function findInScopes(ctx: PlanContext, scopes: readonly Scope[], phrase: string, opts: MatchOptions): { places: TextPlace[]; straddling: TextPlace[] } {
  const first = searchScopes(ctx, scopes, phrase, opts, false);
  return first.places.length ? first : searchScopes(ctx, scopes, phrase, opts, true);
}

function searchScopes(ctx: PlanContext, scopes: readonly Scope[], phrase: string, opts: MatchOptions, withStraddling: boolean): { places: TextPlace[]; straddling: TextPlace[] } {
  const places: TextPlace[] = [];
  const straddling: TextPlace[] = [];
  // A block two scopes share is searched once (per document: block indices are per document).
  const seen = new Map<DocIndex, Set<number>>();
  for (const s of scopes) {
    let docSeen = seen.get(s.doc);
    if (!docSeen) seen.set(s.doc, (docSeen = new Set()));
    const blocks = s.blocks.filter((b) => {
      if (docSeen.has(b)) return false;
      docSeen.add(b);
      return true;
    });
    const found = findPhrase(s.doc, blocks, phrase, opts, ctx.cache, withStraddling);
    const inField = (p: TextPlace): boolean =>
      (s.field === undefined || p.field === s.field) && (s.span === undefined || (p.start >= s.span.start && p.end <= s.span.end));
    pushAll(places, found.places.filter(inField));
    pushAll(straddling, found.straddling.filter(inField));
  }
  return { places, straddling };
}

/** Most visible characters a spelling hint looks through: hints are cheap, whatever the scope. */
const HINT_BUDGET = 400_000;

/**
 * A phrase that was not found, but nearly was: the same words in another case, or a spelling one or two letters
 * away ('tehh' for 'teh'). As a suffix for the message ('' when nothing is near). A typo is told as a typo, never
 * as "already applied".
 */
export function nearMatchHint(ctx: PlanContext, scopes: readonly Scope[], phrase: string, opts: MatchOptions): string {
  if (opts.matchCase) {
    const other = findInScopes(ctx, scopes, phrase, { ...opts, matchCase: false }).places[0];
    if (other) {
      const v = ctx.cache.get(other.doc, other.block, other.field).text.slice(other.vStart, other.vEnd);
      return `; it is there with different case: ${quote(v)} (${placesOf([other])})`;
    }
  }
  if (phrase.length > 80 || phrase.trim() === '') return '';
  const words = phrase.trim().split(/\s+/).length;
  const limit = Math.max(1, Math.floor(phrase.length / 4));
  const lower = phrase.toLowerCase();
  let best: { text: string; d: number } | null = null;
  let budget = HINT_BUDGET;
  for (const s of scopes) {
    for (const b of s.blocks) {
      for (const { field } of fieldsOf(s.doc, b)) {
        if (s.field !== undefined && field !== s.field) continue;
        const text = ctx.cache.get(s.doc, b, field).text;
        budget -= text.length;
        if (budget < 0) return best ? `: did you mean ${quote(best.text)}?` : '';
        const tokens = text.split(/\s+/).filter(Boolean);
        for (let i = 0; i + words <= tokens.length; i++) {
          // Punctuation stuck to a word is not part of what the drafter meant to find.
          const candidate = tokens.slice(i, i + words).join(' ').replace(/^[("'‘“]+|[)"'’”.,;:]+$/g, '');
          if (Math.abs(candidate.length - phrase.length) > limit) continue;
          const d = levenshtein(lower, candidate.toLowerCase());
          if (d > 0 && d <= limit && (!best || d < best.d)) best = { text: candidate, d };
        }
      }
    }
  }
  return best ? `: did you mean ${quote(best.text)}?` : '';
}

/** Why a phrase was not found, as a suffix for the message. */
export function notFoundHint(phrase: string, straddling: readonly TextPlace[]): string {
  let hint = '';
  if (straddling.length) {
    hint += `; it appears ${straddling.length} time${straddling.length === 1 ? '' : 's'} across a formatting boundary (${placesOf(straddling)}), and a match may not straddle bold, italics, code or a link`;
  }
  if (/[*`_[\]]/.test(phrase)) hint += '; phrases match the text a reader sees: leave out Markdown syntax such as ** or backticks';
  return hint;
}

/**
 * The one match of `phrase` (or its `occurrence`-th), reporting 0 or several matches with their places.
 * `what` names the field in messages ('find', 'after', 'before').
 */
export function locateOnce(
  ctx: PlanContext,
  scopes: readonly Scope[],
  phrase: string,
  opts: MatchOptions,
  occurrence: number | null,
  pos: Pos,
  what: string,
  /** When nothing matched: a reason to suspect the change log was applied already ('' when none). */
  alreadyApplied: () => string = () => '',
): TextPlace | null {
  const { places, straddling } = findInScopes(ctx, scopes, phrase, opts);
  const where = scopeName(scopes);
  if (places.length === 0) {
    const near = nearMatchHint(ctx, scopes, phrase, opts);
    const applied = near ? '' : alreadyApplied();
    if (near) {
      ctx.report(pos, `${what} ${quote(phrase)} not found in ${where}${near}${notFoundHint(phrase, straddling)}`, 'changelog-anchor');
      return null;
    }
    if (applied) ctx.report(pos, `${what} ${quote(phrase)} not found in ${where}: already applied? ${applied}`, 'changelog-already-applied');
    else ctx.report(pos, `${what} ${quote(phrase)} not found in ${where}${notFoundHint(phrase, straddling)}`, 'changelog-anchor');
    return null;
  }
  if (occurrence !== null) {
    if (occurrence > places.length) {
      ctx.report(pos, `occurrence ${occurrence} of ${quote(phrase)} requested, but it is found ${places.length} time${places.length === 1 ? '' : 's'} in ${where} (${placesOf(places)})`, 'changelog-anchor');
      return null;
    }
    return places[occurrence - 1]!;
  }
  if (places.length > 1) {
    ctx.report(pos, `${what} ${quote(phrase)} found ${places.length} times in ${where} (${placesOf(places)}); expected exactly once: add 'occurrence: N' to choose one, or make the phrase longer`, 'changelog-anchor');
    return null;
  }
  return places[0]!;
}

/**
 * Plans the replacement of a block's whole text (rewrite, rename-heading): resolves `target`, lets `refuse` turn
 * down a block of the wrong kind (its message names the edit to use instead), and reports a text that is
 * already the new one as already applied.
 */
export function planWholeText(
  edit: Edit,
  ctx: PlanContext,
  target: string,
  text: string,
  textField: string,
  refuse: (b: Block) => string | null,
  already: (b: Block) => string,
): void {
  const pos = edit.fieldPos['target'] ?? edit.pos;
  const r = ctx.resolve(ctx.parse(target), pos);
  if (!r) return;
  const b = r.doc.block(r.index);
  const refusal = refuse(b);
  if (refusal !== null) {
    ctx.report(pos, refusal, 'changelog-target');
    return;
  }
  if (b.text === text) {
    ctx.report(edit.fieldPos[textField] ?? edit.pos, `already applied: ${already(b)} (${r.doc.where(r.index)})`, 'changelog-already-applied');
    return;
  }
  ctx.text(edit, { doc: r.doc, block: r.index, field: -1, start: 0, end: b.text.length }, text, true);
}
