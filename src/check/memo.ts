// Per-document work of the rules, kept so that it is done once per document rather than once per rule or per run.
// A memo is keyed by the document object: a SecDocument is never changed in place (an edit builds a new one), so
// what was computed from it stays true while the object lives. What else a value depends on is part of its key:
// the document's source (a different source drops every value of that document) and, named in the key string by
// the rule that asks, anything taken from the rest of the set (the titles of every document, for instance).
// runChecks makes one memo per run; newCheckErrors shares one between its two runs, so an apply re-checks only
// the documents it changed (unchanged documents are the same objects before and after).

import type { SecDocument } from '../model/types.js';

interface Entry {
  source: string | undefined;
  values: Map<string, unknown>;
}

export interface CheckMemo {
  /** The value of `key` for `doc` read with `source`, computed once. */
  get<T>(doc: SecDocument, source: string | undefined, key: string, compute: () => T): T;
}

export function checkMemo(): CheckMemo {
  const entries = new WeakMap<SecDocument, Entry>();
  return {
    get<T>(doc: SecDocument, source: string | undefined, key: string, compute: () => T): T {
      let entry = entries.get(doc);
      if (!entry || entry.source !== source) {
        entry = { source, values: new Map() };
        entries.set(doc, entry);
      }
      if (entry.values.has(key)) return entry.values.get(key) as T;
      const value = compute();
      entry.values.set(key, value);
      return value;
    },
  };
}
