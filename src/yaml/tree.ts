// Reads a YAML file (a change log, a release file, front matter) into a small positioned tree (maps, sequences,
// scalars). Schema checks walk this tree rather than plain JS values so that every problem can name the line and
// column it is about. The one YAML reader of the project: each caller names its file kind and rules (`YamlFile`).
//
// Hostile input: a "billion laughs" document (aliases of aliases) expands exponentially. yaml's toJS() with
// maxAliasCount refuses it before we walk anything, and the walk itself also follows aliases on a budget.

import { createRequire } from 'node:module';
import type { Node as YamlNode } from 'yaml';
import type { Place, Problem } from '../util/problem.js';
import { problem } from '../util/errors.js';
import { controlCharMessage, findControlChars } from '../util/control-chars.js';
import { quote } from '../util/excerpt.js';

// The YAML library is loaded on first use: canonical front matter never needs it (front-matter.ts reads it by
// line), and loading it costs more than the rest of a `show`.
const require = createRequire(import.meta.url);
let library: typeof import('yaml') | null = null;
const yamlLibrary = (): typeof import('yaml') => (library ??= require('yaml') as typeof import('yaml'));

/** 1-based position in the YAML file. */
export type Pos = Place;

/** What kind of file is read, for messages and rule names. */
export interface YamlFile {
  /** 'the change log', 'the release file': the subject of whole-file messages. */
  what: string;
  /** The rule of syntax problems: 'changelog-yaml'. */
  syntaxRule: string;
  /** The rule of shape problems (an empty file): 'changelog-schema'. */
  schemaRule: string;
  /** The message for an empty file: what it should hold. */
  empty: string;
  /** How a syntax error's message starts; default 'YAML syntax error'. */
  syntaxLead?: string;
  /** Line of the file on which the YAML text starts (front matter starts on line 2); default 1. */
  firstLine?: number;
}

export type YNode =
  | { type: 'map'; entries: YEntry[]; pos: Pos }
  | { type: 'seq'; items: YNode[]; pos: Pos }
  | { type: 'scalar'; value: string | number | boolean | null; source: string; quoted: boolean; pos: Pos };

export interface YEntry {
  key: string;
  keyPos: Pos;
  value: YNode;
}

/** Nodes reachable through aliases before we refuse: far beyond any honest change log's reuse. */
export const MAX_ALIAS_NODES = 10_000;
/** yaml's own limit: how many times one alias may be expanded relative to the document's size. */
export const MAX_ALIAS_COUNT = 100;
/** YAML nesting deeper than this is not an honest input of ours. */
const MAX_DEPTH = 64;

export function readYamlTree(text: string, file: string, kind: YamlFile): { tree: YNode | null; problems: Problem[] } {
  const { LineCounter, parseDocument, isAlias, isMap, isScalar, isSeq, isPair } = yamlLibrary();
  const counter = new LineCounter();
  const problems: Problem[] = [];
  const syntaxRule = kind.syntaxRule;
  const ydoc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineShift = (kind.firstLine ?? 1) - 1;
  const at = (offset: number): Pos => {
    const p = counter.linePos(offset);
    return { line: p.line + lineShift, column: p.col };
  };
  const lines = text.split('\n');
  const tabs = ydoc.errors.filter((e) => e.code === 'TAB_AS_INDENT');
  const colonLines = new Set<number>();
  for (const e of ydoc.errors) {
    const p = at(e.pos[0]);
    if (e.code === 'TAB_AS_INDENT') {
      // One mistake, however many lines it is on: said once, with how to fix it.
      if (e !== tabs[0]) continue;
      const more = tabs.length > 1 ? ` (and ${tabs.length - 1} more line${tabs.length === 2 ? '' : 's'})` : '';
      problems.push(problem(file, p.line, p.column, `a tab is used for indentation here${more}: YAML indents with spaces only; replace the tabs with spaces`, syntaxRule));
      continue;
    }
    const hint = colonHint(lines[p.line - lineShift - 1] ?? '');
    if (hint) {
      if (colonLines.has(p.line)) continue;
      colonLines.add(p.line);
      problems.push(problem(file, p.line, p.column, hint, syntaxRule));
      continue;
    }
    const what = e.code === 'DUPLICATE_KEY' ? 'duplicate key' : kind.syntaxLead ?? 'YAML syntax error';
    problems.push(problem(file, p.line, p.column, `${what}: ${firstLine(e.message)}`, syntaxRule));
  }
  if (problems.length) return { tree: null, problems };
  try {
    ydoc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    problems.push(problem(file, 1 + lineShift, 1, `${kind.what} uses aliases excessively (${message.split('\n')[0]}): write the values out`, syntaxRule));
    return { tree: null, problems };
  }

  // Control characters in any value, written raw or as a YAML escape ("\0", "\x01", "\uD800"): never legal text.
  const refuseControl = (s: string, pos: Pos, what: string): void => {
    const bad = findControlChars(s, 1)[0];
    if (bad) problems.push(problem(file, pos.line, pos.column, controlCharMessage(bad.code, ` in this ${what} (character ${bad.index + 1})`), 'control-character'));
  };
  let aliasBudget = MAX_ALIAS_NODES;
  let exhausted: Pos | null = null;
  const convert = (node: unknown, depth: number, viaAlias: boolean): YNode | null => {
    if (exhausted) return null;
    const pos = at(rangeStart(node));
    if (viaAlias && --aliasBudget < 0) {
      exhausted = pos;
      return null;
    }
    if (depth > MAX_DEPTH) {
      exhausted = pos;
      return null;
    }
    if (isAlias(node)) {
      const target = node.resolve(ydoc);
      if (!target) {
        problems.push(problem(file, pos.line, pos.column, `unknown alias *${node.source}`, syntaxRule));
        return null;
      }
      return convert(target, depth + 1, true);
    }
    if (isMap(node)) {
      const entries: YEntry[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = pair.key;
        const keyPos = at(rangeStart(k));
        if (!isScalar(k) || (typeof k.value !== 'string' && typeof k.value !== 'number')) {
          problems.push(problem(file, keyPos.line, keyPos.column, 'expected a plain key such as "kind:"', syntaxRule));
          continue;
        }
        const value: YNode =
          pair.value === null || pair.value === undefined
            ? { type: 'scalar', value: null, source: '', quoted: false, pos: keyPos }
            : convert(pair.value, depth + 1, viaAlias) ?? { type: 'scalar', value: null, source: '', quoted: false, pos: keyPos };
        refuseControl(String(k.value), keyPos, 'key');
        entries.push({ key: String(k.value), keyPos, value });
      }
      return { type: 'map', entries, pos };
    }
    if (isSeq(node)) {
      const items: YNode[] = [];
      for (const item of node.items) {
        const c = convert(item, depth + 1, viaAlias);
        if (c) items.push(c);
      }
      return { type: 'seq', items, pos };
    }
    if (isScalar(node)) {
      const v = node.value;
      const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : v === null ? null : String(v);
      if (typeof value === 'string') refuseControl(value, pos, 'value');
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' || node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
      return { type: 'scalar', value, source: node.source ?? String(v ?? ''), quoted, pos };
    }
    return null;
  };
  const tree = ydoc.contents === null ? null : convert(ydoc.contents as YamlNode, 0, false);
  if (exhausted !== null) {
    const p: Pos = exhausted;
    problems.push(
      problem(file, p.line, p.column, `${kind.what} expands to too many nodes through aliases or nesting (limit ${MAX_ALIAS_NODES} alias nodes, depth ${MAX_DEPTH}): write the values out`, syntaxRule),
    );
    return { tree: null, problems };
  }
  if (tree === null) {
    problems.push(problem(file, 1 + lineShift, 1, kind.empty, kind.schemaRule));
  }
  return { tree: problems.length ? null : tree, problems };
}

function rangeStart(node: unknown): number {
  const r = (node as { range?: [number, number, number] | null } | null)?.range;
  return r ? r[0] : 0;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

export function describeNode(n: YNode): string {
  if (n.type === 'map') return 'a map';
  if (n.type === 'seq') return 'a list';
  if (n.value === null) return 'nothing';
  return typeof n.value === 'string' ? quote(n.value) : quote(String(n.source || n.value)).slice(1, -1);
}

/**
 * The commonest YAML mistake in our files: a plain (unquoted) text that contains ': ' or ends with ':', which
 * YAML reads as a nested key. Returns the message for such a line, or null.
 */
export function colonHint(line: string): string | null {
  const m = /^\s*(?:-\s+)?([A-Za-z][\w-]*):\s+([^'"{[|>&*!#\s].*)$/.exec(line);
  if (!m) return null;
  const value = m[2]!.replace(/\s+#.*$/, '').trimEnd();
  if (!/:(\s|$)/.test(value)) return null;
  const quoted = `'${value.replace(/'/g, "''")}'`;
  return `the text of '${m[1]}' contains ': ' or ends with ':', which YAML reads as a key: quote the text, e.g. ${m[1]}: ${quoted.length > 70 ? `${quoted.slice(0, 66)}…'` : quoted}`;
}
