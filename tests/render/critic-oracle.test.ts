// CriticMarkup that reads back from a real processor: pymdownx.critic (Debian's python3-pymdownx, run with
// /usr/bin/python3) accepting every mark and rendering the Markdown must show exactly the new text, rejecting
// every mark exactly the old text — also when the legal text itself contains CriticMarkup delimiters
// ({++ {-- {~~ ~> {>> <<} {== and their closers), which the renderer escapes (src/render/critic-escape.ts).
// Compared as rendered HTML with character references decoded: what a reader sees.

import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { describe, expect, it } from 'vitest';
import { diffText } from '../../src/diff/word-diff.js';
import { criticMarkup } from '../../src/render/critic-spans.js';
import { renderCriticMarkdown } from '../../src/render/critic-md.js';
import { buildDocumentRedline } from '../../src/diff/build-redline.js';
import { readDocument } from '../../src/model/index.js';

const PYTHON = '/usr/bin/python3';

function hasPymdownx(): boolean {
  const ok = spawnSync(PYTHON, ['-c', 'import markdown, pymdownx.critic'], { stdio: 'ignore' }).status === 0;
  if (ok) return true;
  const message = 'python3-pymdownx is not installed (apt-get install python3-pymdownx); the CriticMarkup oracle cannot run';
  if (process.env['CI'] === 'true') throw new Error(`${message}. It is required in CI.`);
  console.warn(`\n!!! SKIPPING: ${message}.\n`);
  return false;
}

const SCRIPT = String.raw`
import html, json, sys, markdown
def render(text, mode=None):
    if mode is None:
        md = markdown.Markdown()
    else:
        md = markdown.Markdown(extensions=['pymdownx.critic'], extension_configs={'pymdownx.critic': {'mode': mode}})
    return html.unescape(md.convert(text))
out = []
for case in json.load(sys.stdin):
    out.append({'accept': render(case['critic'], 'accept'), 'reject': render(case['critic'], 'reject'), 'new': render(case['new']), 'old': render(case['old'])})
json.dump(out, sys.stdout)
`;

interface Case {
  critic: string;
  old: string;
  new: string;
}

function oracle(cases: readonly Case[]): { accept: string; reject: string; new: string; old: string }[] {
  const r = spawnSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { accept: string; reject: string; new: string; old: string }[];
}

const lineCase = (old: string, next: string): Case => ({ old, new: next, critic: criticMarkup(diffText(old, next)) });

const HOSTILE: [string, string][] = [
  ['The DCC shall {++notify++} the Panel.', 'The DCC shall {++inform++} the Panel.'],
  ['A {-- b --} c and {~~x~>y~~} d', 'A {-- b --} c and {~~x~>z~~} e'],
  ['Marks: {>> note <<} and {==hl==}.', 'Marks: {>> note2 <<} and {==hl==}!'],
  ['text ending in {', 'text ending in {+'],
  ['}++ closes and ~> separates', '+} closes and ~>> separates'],
  ['The value {++', 'The value {++ and ++}'],
  ['a `code` {++ b', 'a `code` {++ c'],
  ['plain words only', 'plain {words} only'],
];

describe('CriticMarkup read back by pymdownx.critic', () => {
  const ok = hasPymdownx();

  it.skipIf(!ok)('hostile legal text: accept all = new, reject all = old, as rendered', () => {
    const cases = HOSTILE.map(([a, b]) => lineCase(a, b));
    const got = oracle(cases);
    got.forEach((g, i) => {
      expect(g.accept, cases[i]!.critic).toBe(g.new);
      expect(g.reject, cases[i]!.critic).toBe(g.old);
    });
  });

  it.skipIf(!ok)('random texts made of delimiter characters', () => {
    const alphabet = fc.constantFrom('{', '}', '+', '-', '~', '>', '<', '=', ' ', 'a', 'b', 'Panel', '.');
    const text = fc.array(alphabet, { minLength: 1, maxLength: 30 }).map((cs) => `x ${cs.join('')} y`);
    const cases = fc.sample(fc.tuple(text, text), { numRuns: runs(400), seed: 12 }).map(([a, b]) => lineCase(a, b));
    const got = oracle(cases);
    const wrong = got.flatMap((g, i) => (g.accept !== g.new || g.reject !== g.old ? [{ ...cases[i]!, ...g }] : []));
    expect(wrong.slice(0, 3)).toEqual([]);
  });

  it.skipIf(!ok)('diff --format md: comments and titles with delimiters do not swallow the marks', () => {
    const head = '---\nkind: section\ncode: G\ntitle: Security {++x++}\nversion: V1\n---\n\n## G3 Incidents\n\n';
    const oldDoc = readDocument(`${head}G3.1 The Panel <<} shall {-- act --}.\n\n| Expression | Meaning |\n| --- | --- |\n| {==k==} | means a key. |\n`, 'old.md').doc!;
    const newDoc = readDocument(`${head}G3.1 The Panel <<} may {-- act --}.\n\n| Expression | Meaning |\n| --- | --- |\n| {==k==} | means a new key. |\n`, 'new.md').doc!;
    const md = renderCriticMarkdown({ documents: [buildDocumentRedline(oldDoc, newDoc, 'section-G.md')] }, { context: 0 });
    const [g] = oracle([{ critic: md, old: 'G3.1 The Panel <<} shall {-- act --}.', new: 'G3.1 The Panel <<} may {-- act --}.' }]);
    // The accepted rendering shows the new clause line exactly, and no stray delimiter from a comment.
    expect(g!.accept).toContain(g!.new.replace(/^<p>|<\/p>$/g, ''));
    expect(g!.reject).toContain(g!.old.replace(/^<p>|<\/p>$/g, ''));
    expect(g!.accept).toContain('means a new key.');
    // Comments are gone, whole: nothing of them leaks into the text.
    expect(g!.accept).not.toMatch(/\{>>|section-G\.md: V1|unchanged row/);
    expect(g!.accept).toContain("Security {++x++}'");
  });
});
