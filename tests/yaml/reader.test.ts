// The one positioned YAML reader (src/yaml/) as its three kinds of file use it: each names its own file and
// rules, positions are those of the file (front matter starts on line 2), and values keep the text as written.

import { describe, expect, it } from 'vitest';
import { readYamlTree, type YamlFile } from '../../src/yaml/tree.js';
import { FieldReader, asMap } from '../../src/yaml/fields.js';
import { readFrontMatter } from '../../src/model/front-matter.js';
import { loadRelease } from '../../src/release/load.js';
import type { Problem } from '../../src/util/problem.js';

const NOTES: YamlFile = { what: 'the notes file', syntaxRule: 'notes-yaml', schemaRule: 'notes-schema', empty: 'the notes file is empty' };

describe('readYamlTree', () => {
  it('words problems for the file it reads, under its rules', () => {
    const empty = readYamlTree('', 'n.yaml', NOTES);
    expect(empty.problems.map((p) => [p.line, p.message, p.rule])).toEqual([[1, 'the notes file is empty', 'notes-schema']]);
    const bad = readYamlTree('a: [1, 2\n', 'n.yaml', NOTES);
    expect(bad.problems[0]!.rule).toBe('notes-yaml');
    expect(bad.problems[0]!.message).toMatch(/^YAML syntax error: /);
  });

  it('counts lines from where the YAML starts in the file', () => {
    const kind: YamlFile = { ...NOTES, firstLine: 5 };
    const r = readYamlTree('a: 1\nb:\n  c: x\n', 'n.md', kind);
    expect(r.tree?.type).toBe('map');
    const b = r.tree?.type === 'map' ? r.tree.entries[1]! : null;
    expect(b?.keyPos).toEqual({ line: 6, column: 1 });
    const colon = readYamlTree('title: Security: General\n', 'n.md', kind);
    expect(colon.problems.map((p) => [p.line, p.rule])).toEqual([[5, 'notes-yaml']]);
    expect(colon.problems[0]!.message).toMatch(/quote the text/);
  });

  it('the field reader files shape problems under the caller\'s rule, with the nearest known name', () => {
    const { tree } = readYamlTree('nme: x\n', 'n.yaml', NOTES);
    const problems: Problem[] = [];
    const map = asMap(tree!, 'n.yaml', problems, 'the notes file', 'notes-schema')!;
    const r = new FieldReader(map, 'n.yaml', problems, 'notes', ['name'], 'notes-schema');
    expect(r.ok).toBe(false);
    expect(problems.map((p) => [p.line, p.column, p.message, p.rule])).toEqual([[1, 1, "notes: unknown field 'nme': did you mean 'name'?", 'notes-schema']]);
  });
});

describe('front matter through the one reader', () => {
  const fm = (...body: string[]): ReturnType<typeof readFrontMatter> => readFrontMatter(['---', ...body, '---', '', '# 1 Title'], 'section-G.md');

  it('keeps a version as written (5.10 is not the number 5.1)', () => {
    const r = fm('kind: section', 'code: G', 'title: Security', 'version: 5.10');
    expect(r.problems).toEqual([]);
    expect(r.meta).toEqual({ kind: 'section', code: 'G', title: 'Security', version: '5.10' });
  });

  it('names the file line of a YAML mistake, with the hint to quote', () => {
    const r = fm('kind: section', 'code: G', 'title: Security: General', 'version: 1');
    expect(r.meta).toBeNull();
    expect(r.problems.map((p) => [p.line, p.rule])).toEqual([[4, 'front-matter']]);
    expect(r.problems[0]!.message).toMatch(/quote the text/);
    const syntax = fm('kind: [section', 'code: G');
    expect(syntax.problems[0]!.message).toMatch(/^Front matter is not valid YAML: /);
    expect(syntax.problems[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses a control character in a value, at its line', () => {
    const r = fm('kind: section', 'code: G', 'title: "Secu\\u0007rity"', 'version: 1');
    expect(r.problems.map((p) => [p.line, p.rule])).toEqual([[4, 'control-character']]);
  });

  it('reports unknown and missing keys as before', () => {
    const r = fm('kind: section', 'cod: G', 'title: Security', 'version: 1');
    expect(r.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [3, 1, "Unknown front-matter key 'cod': expected one of kind, code, title, version"],
      [1, 1, "Front matter is missing 'code'"],
    ]);
  });
});

describe('release files through the one reader', () => {
  it('say "the release file" and file every problem under release-* rules', () => {
    expect(loadRelease('', 'release.yaml').problems.map((p) => [p.message, p.rule])).toEqual([
      ['the release file is empty: expected a map with name, date, modifications and versions', 'release-schema'],
    ]);
    const r = loadRelease("name: June\ndate: '2024-06-27'\nmodifications: 3\nversions: {}\nnme: x\n", 'release.yaml');
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.every((p) => p.rule.startsWith('release-'))).toBe(true);
    expect(r.problems.map((p) => p.message)).toContain("release: unknown field 'nme': did you mean 'name'?");
  });
});
