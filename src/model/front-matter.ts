// Front matter: found by a line scan (both the fast and the full path use this), parsed with a real YAML
// library, validated key by key with positions.

import { LineCounter, parseDocument as parseYaml, isMap, isScalar } from 'yaml';
import type { DocKind, DocMeta, Problem } from './types.js';
import { isValidCode } from './doc-ref.js';
import { problem } from '../util/errors.js';

export const META_KEYS = ['kind', 'code', 'title', 'version'] as const;
const KINDS: readonly DocKind[] = ['section', 'schedule', 'appendix'];

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
  const yamlText = lines.slice(1, end).join('\n');
  const counter = new LineCounter();
  const ydoc = parseYaml(yamlText, { lineCounter: counter, prettyErrors: false });
  const at = (offset: number): { line: number; col: number } => {
    const p = counter.linePos(offset);
    return { line: p.line + 1, col: p.col };
  };
  for (const err of ydoc.errors) {
    const p = at(err.pos[0]);
    problems.push(problem(file, p.line, p.col, `Front matter is not valid YAML: ${err.message.split('\n')[0]}`, 'front-matter'));
  }
  if (problems.length) return { meta: null, bodyStart: end + 1, problems };
  if (!isMap(ydoc.contents)) {
    problems.push(problem(file, 2, 1, `Front matter must be a mapping with keys ${META_KEYS.join(', ')}`, 'front-matter'));
    return { meta: null, bodyStart: end + 1, problems };
  }
  const values = new Map<string, { value: string; line: number; col: number }>();
  for (const pair of ydoc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyPos = isScalar(pair.key) && pair.key.range ? at(pair.key.range[0]) : { line: 2, col: 1 };
    if (!(META_KEYS as readonly string[]).includes(key)) {
      problems.push(problem(file, keyPos.line, keyPos.col, `Unknown front-matter key '${key}': expected one of ${META_KEYS.join(', ')}`, 'front-matter'));
      continue;
    }
    const v = isScalar(pair.value) ? pair.value.value : null;
    if (v === null || v === undefined || typeof v === 'object' || String(v).trim() === '') {
      problems.push(problem(file, keyPos.line, keyPos.col, `Front-matter key '${key}' needs a non-empty text value`, 'front-matter'));
      continue;
    }
    values.set(key, { value: String(v).trim(), line: keyPos.line, col: keyPos.col });
  }
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
  const plain = /^[A-Za-z][A-Za-z0-9 .,()'&/-]*$/.test(value) && !/[:#]/.test(value) && !/\s$/.test(value);
  return plain ? value : `'${value.replace(/'/g, "''")}'`;
}

export function serializeFrontMatter(meta: DocMeta): string {
  // A schedule's number is written plain ('code: 1', as docs/format.md shows): YAML reads it as a number
  // whose text is the same.
  const code = /^[1-9]\d{0,5}$/.test(meta.code) ? meta.code : yamlScalar(meta.code);
  return ['---', `kind: ${meta.kind}`, `code: ${code}`, `title: ${yamlScalar(meta.title)}`, `version: ${yamlScalar(meta.version)}`, '---'].join('\n') + '\n';
}
