// Every rule has a fixture that triggers it (bad/, with the exact expected output) and one that does not
// (good/, which must come out clean under every rule). The same findings must come out whichever model path
// read the files: the CLI takes the fast line scan for canonical files, so each fixture is also checked with
// the remark parser.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { mergeFindings, ruleNames, runChecks } from '../../src/check/index.js';
import { readDocument } from '../../src/model/read-document.js';
import { parseDocument } from '../../src/model/parse.js';
import { formatProblem } from '../../src/util/errors.js';
import type { Problem, SecDocument } from '../../src/model/types.js';

const root = join(import.meta.dirname, '../fixtures/check');

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdownFiles(path));
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

/** Checks a fixture folder in-process with a chosen model path; output lines as the CLI prints them. */
function checkWith(dir: string, model: (source: string, file: string) => { doc: SecDocument | null; problems: Problem[] }): string {
  const docs: SecDocument[] = [];
  const sources = new Map<string, string>();
  const modelProblems: Problem[] = [];
  for (const path of markdownFiles(dir)) {
    const file = relative(dir, path);
    const source = readFileSync(path, 'utf8');
    const r = model(source, file);
    modelProblems.push(...r.problems);
    if (r.doc) {
      docs.push(r.doc);
      sources.set(file, source);
    }
  }
  return mergeFindings(modelProblems, runChecks(docs, { sources })).map((p) => `${formatProblem(p)}\n`).join('');
}

describe('check fixtures', () => {
  it('has a fixture folder for every rule and no other', () => {
    expect(readdirSync(root).sort()).toEqual([...ruleNames()].sort());
  });

  for (const rule of readdirSync(root).sort()) {
    describe(rule, () => {
      const bad = join(root, rule, 'bad');
      const good = join(root, rule, 'good');
      const expected = readFileSync(join(bad, 'expected.txt'), 'utf8');

      it('bad/ gives exactly the expected findings, including this rule', async () => {
        expect(expected).toContain(`[${rule}]`);
        const r = await runCli(['check', '.'], bad);
        expect(r.stdout).toBe(expected);
        const hasErrors = expected.split('\n').some((l) => l !== '' && !l.includes('  warning: '));
        expect(r.code).toBe(hasErrors ? 1 : 0);
      });

      it('good/ is clean under every rule', async () => {
        const r = await runCli(['check', '.'], good);
        expect(r.stdout).toBe('');
        expect(r.code).toBe(0);
      });

      it('the remark parser and the line scan give the same findings', () => {
        for (const dir of [bad, good]) {
          expect(checkWith(dir, (s, f) => parseDocument(s, f))).toBe(checkWith(dir, readDocument));
        }
        expect(checkWith(bad, readDocument)).toBe(expected);
      });
    });
  }
});
