// Real SEC constructs (issue 10): each folder of tests/fixtures/constructs holds documents written the way the
// SEC writes that construct, with the `ids` and `check` output expected of them (ids.txt, check.txt), and
// optionally `show.txt` (lines 'ID<TAB>expected output with \n escaped'). Every document is canonical (fmt
// leaves it alone) and the line scan reads it exactly as the remark parse does.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { parseDocument } from '../../src/model/parse.js';
import { readDocument, scanIfCanonical } from '../../src/model/read-document.js';
import { serializeDocument } from '../../src/model/serialize.js';

const root = join(import.meta.dirname, '../fixtures/constructs');

describe('real SEC constructs', () => {
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    describe(name, () => {
      it('ids lists the expected IDs', async () => {
        const r = await runCli(['ids', '.'], dir);
        expect(r.stderr).toBe('');
        expect(r.stdout).toBe(readFileSync(join(dir, 'ids.txt'), 'utf8'));
      });

      it('check reports exactly the expected findings', async () => {
        const r = await runCli(['check', '.'], dir);
        expect(r.stdout).toBe(readFileSync(join(dir, 'check.txt'), 'utf8'));
      });

      it('each document is canonical and read alike by the line scan and the remark parse', () => {
        for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
          const source = readFileSync(join(dir, file), 'utf8');
          const parsed = parseDocument(source, file);
          expect(parsed.problems).toEqual([]);
          expect(serializeDocument(parsed.doc!)).toBe(source);
          expect(scanIfCanonical(source, file), `${file} takes the fast path`).not.toBeNull();
          expect(readDocument(source, file).doc!.blocks).toEqual(parsed.doc!.blocks);
        }
      });

      const show = join(dir, 'show.txt');
      if (existsSync(show)) {
        it('show prints each addressed part', async () => {
          for (const line of readFileSync(show, 'utf8').split('\n').filter(Boolean)) {
            const [id, expected] = line.split('\t') as [string, string];
            const r = await runCli(['show', id, '--sections', '.'], dir);
            expect(r.stdout, id).toBe(`${expected.replace(/\\n/g, '\n')}\n`);
            expect(r.code, id).toBe(0);
          }
        });
      }
    });
  }
});

describe('smaller items', () => {
  it("an appendix's bad code is 'not valid for an appendix'", () => {
    const r = parseDocument('---\nkind: appendix\ncode: XXX\ntitle: T\nversion: V\n---\n', 'appendix-XXX.md');
    expect(r.problems.map((p) => p.message)).toEqual(["Document code 'XXX' is not valid for an appendix: expected one or two capital letters"]);
  });

  it("a schedule's number is written unquoted, as docs/format.md shows", () => {
    const source = '---\nkind: schedule\ncode: 1\ntitle: Framework Agreement\nversion: FA 1.0\n---\n';
    expect(serializeDocument(parseDocument(source, 'schedule-1.md').doc!)).toBe(source);
  });

  it('a construct the format does not know is a warning and a paragraph kept byte for byte', () => {
    const source = '---\nkind: section\ncode: G\ntitle: Security\nversion: SEC 2024-02\n---\n\n## G1 General\n\n> A quotation\n> on two lines.\n\n```\ncode\n```\n\nG1.1 The DCC shall act.\n\n- (a) an item\n\n  | a | b |\n  | --- | --- |\n  | c | d |\n';
    const r = parseDocument(source, 'section-G.md');
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.rule}`)).toEqual(['10:1 warning unsupported-block', '13:1 warning unsupported-block', '21:3 warning unsupported-block']);
    expect(r.doc!.blocks.map((b) => b.id)).toEqual(['G1', 'G1/p1', 'G1/p2', 'G1.1', 'G1.1(a)', 'G1.1(a)/p1']);
    expect(serializeDocument(r.doc!)).toBe(source);
  });
});
