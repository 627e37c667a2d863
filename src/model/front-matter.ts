// Front matter: found by a line scan (both the fast and the full path use this), read by the project's one
// positioned YAML reader (src/yaml/tree.ts: syntax errors with hints, control characters refused, values as
// written, so 'version: 5.10' stays '5.10'), validated key by key with positions.

import type { DocKind, DocMeta, Problem } from './types.js';
import { isValidCode } from './doc-ref.js';
import { problem } from '../util/errors.js';
import { readYamlTree, type YamlFile } from '../yaml/tree.js';
import { scalarString } from '../yaml/fields.js';

export const META_KEYS = ['kind', 'code', 'title', 'version'] as const;
const KINDS: readonly DocKind[] = ['section', 'schedule', 'appendix'];
const NOT_A_MAP = `Front matter must be a mapping with keys ${META_KEYS.join(', ')}`;
/** Front matter's YAML starts on line 2, after the opening '---'. */
const FRONT_MATTER: YamlFile = {
  what: 'the front matter',
  syntaxRule: 'front-matter',
  schemaRule: 'front-matter',
  empty: NOT_A_MAP,
  syntaxLead: 'Front matter is not valid YAML',
  firstLine: 2,
};

export interface FrontMatter {
  meta: DocMeta | null;
  /** 0-based index of the first body line (the line after the closing '---'). */
  bodyStart: number;
  problems: Problem[];
}

/** Splits front matter off `lines` (the whole file split on '\n'). */
export function readFrontMatter(lines: readonly string[], file: string): FrontMatter {
  const problems: Problem[] = [];
  if (lines.length === 0 || (lines.length === 1 && lines[0] === '')) {
    problems.push(problem(file, 1, 1, "File is empty: expected front matter starting with '---'", 'front-matter'));
    return { meta: null, bodyStart: lines.length, problems };
  }
  if (lines[0] !== '---') {
    problems.push(problem(file, 1, 1, "Expected front matter: the first line must be '---'", 'front-matter'));
    return { meta: null, bodyStart: 0, problems };
  }
  let end = -1;
  for (let i = 1; i < lines.length; i++) if (lines[i] === '---') { end = i; break; }
  if (end < 0) {
    problems.push(problem(file, 1, 1, "Front matter is not closed: expected a line '---' after it", 'front-matter'));
    return { meta: null, bodyStart: lines.length, problems };
  }
  const values = canonicalValues(lines, end) ?? new Map<string, { value: string; line: number; col: number }>();
  if (values.size === 0) {
    const read = readYamlTree(lines.slice(1, end).join('\n'), file, FRONT_MATTER);
    if (!read.tree) return { meta: null, bodyStart: end + 1, problems: read.problems };
    if (read.tree.type !== 'map') {
      problems.push(problem(file, read.tree.pos.line, read.tree.pos.column, NOT_A_MAP, 'front-matter'));
      return { meta: null, bodyStart: end + 1, problems };
    }
    readEntries(read.tree.entries, file, values, problems);
  }
  return validated(values, end, file, problems);
}

type Values = Map<string, { value: string; line: number; col: number }>;

// A value as fmt writes it (serializeFrontMatter): plain text YAML reads as that same string, a schedule's number,
// or single-quoted text ('' for a quote) without control characters or line separators.
const PLAIN = /^[A-Za-z][A-Za-z0-9 .,()'&/-]*$/;
const NULL_WORD = /^(?:null|Null|NULL)$/;
const NUMBER = /^[1-9]\d{0,5}$/;
const QUOTED = /^'((?:[^'\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|'')*)'$/;
const LINE = /^(kind|code|title|version): (.*)$/;

/**
 * The values of front matter written the canonical way: one 'key: value' line per key, each of the four once.
 * Null for anything else, which the YAML reader then reads (with its positioned problems). Every `show` and
 * `check` reads front matter; the YAML library costs more to load than the rest of such a command.
 */
function canonicalValues(lines: readonly string[], end: number): Values | null {
  if (end !== META_KEYS.length + 1) return null;
  const values: Values = new Map();
  for (let i = 1; i < end; i++) {
    const m = LINE.exec(lines[i]!);
    if (!m || values.has(m[1]!)) return null;
    const raw = m[2]!;
    let value: string;
    if ((PLAIN.test(raw) && !/[:#]/.test(raw) && !/\s$/.test(raw) && !NULL_WORD.test(raw)) || (m[1] === 'code' && NUMBER.test(raw))) value = raw;
    else {
      const q = QUOTED.exec(raw);
      if (!q) return null;
      value = q[1]!.replace(/''/g, "'");
    }
    if (value.trim() === '') return null;
    values.set(m[1]!, { value: value.trim(), line: i + 1, col: 1 });
  }
  return values;
}

function readEntries(entries: Iterable<{ key: string; keyPos: { line: number; column: number }; value: Parameters<typeof scalarString>[0] }>, file: string, values: Values, problems: Problem[]): void {
  for (const { key, keyPos, value: node } of entries) {
    if (!(META_KEYS as readonly string[]).includes(key)) {
      problems.push(problem(file, keyPos.line, keyPos.column, `Unknown front-matter key '${key}': expected one of ${META_KEYS.join(', ')}`, 'front-matter'));
      continue;
    }
    const v = scalarString(node);
    if (v === null || v.trim() === '') {
      problems.push(problem(file, keyPos.line, keyPos.column, `Front-matter key '${key}' needs a non-empty text value`, 'front-matter'));
      continue;
    }
    values.set(key, { value: v.trim(), line: keyPos.line, col: keyPos.column });
  }
}

function validated(values: Values, end: number, file: string, problems: Problem[]): FrontMatter {
  for (const key of META_KEYS) {
    if (!values.has(key) && !problems.some((p) => p.message.includes(`'${key}'`))) {
      problems.push(problem(file, 1, 1, `Front matter is missing '${key}'`, 'front-matter'));
    }
  }
  const kind = values.get('kind');
  if (kind && !(KINDS as readonly string[]).includes(kind.value)) {
    problems.push(problem(file, kind.line, kind.col, `Unknown document kind '${kind.value}': expected section, schedule or appendix`, 'front-matter'));
  }
  const code = values.get('code');
  if (kind && code && (KINDS as readonly string[]).includes(kind.value) && !isValidCode(kind.value as DocKind, code.value)) {
    const expected = kind.value === 'section' ? 'one capital letter A–X' : kind.value === 'appendix' ? 'one or two capital letters' : 'a number';
    problems.push(problem(file, code.line, code.col, `Document code '${code.value}' is not valid for ${kind.value === 'appendix' ? 'an' : 'a'} ${kind.value}: expected ${expected}`, 'front-matter'));
  }
  if (problems.length) return { meta: null, bodyStart: end + 1, problems };
  const meta: DocMeta = {
    kind: kind!.value as DocKind,
    code: code!.value,
    title: values.get('title')!.value,
    version: values.get('version')!.value,
  };
  return { meta, bodyStart: end + 1, problems };
}

function yamlScalar(value: string): string {
  // Plain when YAML would read it back as the same string; otherwise single-quoted.
  const plain = PLAIN.test(value) && !/[:#]/.test(value) && !/\s$/.test(value) && !NULL_WORD.test(value);
  return plain ? value : `'${value.replace(/'/g, "''")}'`;
}

export function serializeFrontMatter(meta: DocMeta): string {
  // A schedule's number is written plain ('code: 1', as docs/format.md shows): YAML reads it as a number
  // whose text is the same.
  const code = /^[1-9]\d{0,5}$/.test(meta.code) ? meta.code : yamlScalar(meta.code);
  return ['---', `kind: ${meta.kind}`, `code: ${code}`, `title: ${yamlScalar(meta.title)}`, `version: ${yamlScalar(meta.version)}`, '---'].join('\n') + '\n';
}
