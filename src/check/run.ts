// runChecks: every enabled rule over a set of documents, findings in one stable order. Pure: the caller reads
// the files (and passes their text in `options.sources` when it has it).

import { sortProblems } from '../util/errors.js';
import type { Problem, SecDocument } from '../model/types.js';
import type { CheckContext, CheckOptions, Rule } from './types.js';
import { docId } from '../model/doc-ref.js';
import { rules as allRules } from './rules/index.js';
import { pushAll } from '../util/arrays.js';

/** Names of every rule, plus the parser's rules that `check` passes through (for --only/--disable). */
export function ruleNames(): string[] {
  return allRules.map((r) => r.name);
}

export function findRule(name: string): Rule | undefined {
  return allRules.find((r) => r.name === name);
}

/** The rules `options` enables (unknown names are the caller's to reject; see unknownRules). */
export function enabledRules(options: CheckOptions = {}): Rule[] {
  return allRules.filter((r) => (!options.only?.length || options.only.includes(r.name)) && !options.disable?.includes(r.name));
}

export function unknownRules(names: readonly string[]): string[] {
  return names.filter((n) => !findRule(n));
}

export function runChecks(docs: readonly SecDocument[], options: CheckOptions = {}): Problem[] {
  const byDocId = new Map<string, SecDocument>();
  for (const d of docs) if (!byDocId.has(docId(d.meta))) byDocId.set(docId(d.meta), d);
  const memos = new Map<string, WeakMap<SecDocument, unknown>>();
  const memo = <T>(key: string, doc: SecDocument, compute: () => T): T => {
    let perDoc = memos.get(key);
    if (!perDoc) memos.set(key, (perDoc = new WeakMap()));
    if (!perDoc.has(doc)) perDoc.set(doc, compute());
    return perDoc.get(doc) as T;
  };
  const ctx: CheckContext = { docs, byDocId, sources: options.sources ?? new Map(), options, memo };
  const problems: Problem[] = [];
  for (const rule of enabledRules(options)) pushAll(problems, rule.check(ctx));
  return sortProblems(problems);
}
