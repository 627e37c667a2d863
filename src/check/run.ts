// runChecks: every enabled rule over a set of documents, findings in one stable order. Pure: the caller reads
// the files (and passes their text in `options.sources` when it has it).

import { sortProblems } from '../util/errors.js';
import type { Problem, SecDocument } from '../model/types.js';
import type { CheckContext, CheckOptions, Rule } from './types.js';
import { docId } from '../model/doc-ref.js';
import { rules as allRules } from './rules/index.js';
import { pushAll } from '../util/arrays.js';
import { checkMemo } from './memo.js';
import { sourceLines, type SourceLines } from './position.js';

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
  const store = options.memo ?? checkMemo();
  const sources = options.sources ?? new Map<string, string>();
  const memo = <T>(key: string, doc: SecDocument, compute: () => T): T => store.get(doc, sources.get(doc.file), key, compute);
  const lines = (doc: SecDocument): SourceLines => memo('source-lines', doc, () => sourceLines(sources.get(doc.file)));
  const ctx: CheckContext = { docs, byDocId, sources, options, memo, lines };
  const problems: Problem[] = [];
  for (const rule of enabledRules(options)) {
    if (rule.scope === 'documents') pushAll(problems, rule.check(ctx));
    else for (const doc of docs) pushAll(problems, memo(`rule:${rule.name}`, doc, () => rule.checkDocument(doc, ctx)));
  }
  return sortProblems(problems);
}
