// Definitions tables and the terms they define, shared by duplicate-definition and duplicate-key.
// Which tables are definitions tables is the model's convention (isDefinitionsHeader), shared with the Annex A.

import type { Block, SecDocument } from '../model/types.js';
import { plainText } from '../model/plain-text.js';
import { isDefinitionsHeader } from '../model/conventions.js';

export interface DefinitionTable {
  table: Block;
  rows: Block[];
}

export function isDefinitionTable(table: Block): boolean {
  return table.kind === 'table' && isDefinitionsHeader(table.cells ?? []);
}

export function definitionTables(doc: SecDocument): DefinitionTable[] {
  const out: DefinitionTable[] = [];
  let current: DefinitionTable | null = null;
  for (const b of doc.blocks) {
    if (b.kind === 'table') {
      current = isDefinitionTable(b) ? { table: b, rows: [] } : null;
      if (current) out.push(current);
    } else if (b.kind === 'row' && current && b.table === current.table.id) {
      current.rows.push(b);
    } else if (b.kind !== 'row') {
      current = null;
    }
  }
  return out;
}

/** Lower case, single spaces: how terms are compared ('Working Day' = 'working  day'). */
export function normalise(term: string): string {
  return term.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The terms a row's key defines: the key itself, or for 'X (Y)' and 'X (or Y)' both X and Y — 'Transport Layer
 * Security (TLS)' and 'Transport Layer Security (or TLS)' define 'Transport Layer Security' and 'TLS'.
 */
export function termsOf(key: string): string[] {
  const m = /^(.*\S)\s*\((?:or\s+)?([^()]+)\)$/.exec(key.trim());
  if (!m) return key.trim() === '' ? [] : [key.trim()];
  return [m[1]!.trim(), m[2]!.trim()].filter((t, i, all) => t !== '' && all.findIndex((o) => normalise(o) === normalise(t)) === i);
}

/**
 * A meaning that only points to a definition elsewhere ('has the meaning given to that expression in Section A',
 * 'has the meaning given in Section A1.1', '… in the DCC User Interface Specification', '… in the MRA')
 * defines nothing itself, so it is never a duplicate. What it points to may be a SEC document or clause, or any
 * document named by its title or initials.
 */
export function isPointer(meaning: string): boolean {
  // A pointer's plain text starts 'has'/'Has'/'shall'/'Shall'. When the written text starts with an ASCII letter,
  // what a reader sees starts with that same letter (a letter opens no inline syntax; an autolink shows its
  // text as written), so any other first letter rules the meaning out without reading its Markdown: most
  // meanings start 'means'.
  const lead = meaning.trimStart().charCodeAt(0);
  const letter = (lead >= 65 && lead <= 90) || (lead >= 97 && lead <= 122);
  if (letter && lead !== 104 /* h */ && lead !== 72 /* H */ && lead !== 115 /* s */ && lead !== 83 /* S */) return false;
  return readsAsPointer(meaning);
}

/** isPointer without its shortcut: the meaning's plain text read in full (exported for the shortcut's test). */
export function readsAsPointer(meaning: string): boolean {
  const text = plainText(meaning).trim();
  // One sentence: no full stop except inside a number ('Section H17.2'); it names something after in/under/by.
  return /^(?:has|shall have) the meanings? given\b(?:[^.;]|\.(?=\d))*?\b(?:in|under|by)\s+(?:(?:this|that|the)\s+)?(?:[A-Z0-9]|(?:clause|paragraph|section|schedule|appendix)\b)(?:[^.;]|\.(?=\d))*\.?$/.test(text.replace(/^(?:Has|Shall)/, (w) => w.toLowerCase()));
}

/** 'Transport Layer Security' → 'TLS'; null for a single word or words not all capitalised. */
export function acronymOf(term: string): string | null {
  // Cheap refusals first (every defined term of the Code is asked): one word, or a first word without a capital.
  const t = term.trim();
  const first = t.charCodeAt(0);
  if (!(first >= 65 && first <= 90) || !/\s/.test(t)) return null;
  const words = t.split(/\s+/);
  if (words.length < 2 || !words.every((w) => /^[A-Z]/.test(w))) return null;
  return words.map((w) => w[0]).join('');
}

/** A term written as an acronym: one word, two to six capitals ('TLS', 'DCC'). */
export function isAcronym(term: string): boolean {
  return /^[A-Z]{2,6}$/.test(term.trim());
}
