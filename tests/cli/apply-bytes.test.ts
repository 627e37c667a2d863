// apply writes each amended document by copying the bytes of the file it read wherever the text is unchanged
// (spliceSerialized). What lands on disk must be byte for byte the serialized amended document, as the library
// gives it, whatever the files looked like: LF files (copied), and a CRLF file and one with a byte-order mark,
// whose bytes are not their text's (written out in full, canonical), with --write and with -o.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { readDocument, serializeDocument, docId } from '../../src/model/index.js';
import { applyChangeLog, loadChangeLog } from '../../src/changelog/index.js';

const REPO = join(import.meta.dirname, '../..');
const LOG = 'annexes/housekeeping-2024/changes.yaml';
const tmp = mkdtempSync(join(tmpdir(), 'sec-apply-bytes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of sections/ and the change log; section-G with CRLF line ends, section-H with a byte-order mark. */
function repo(name: string): string {
  const dir = join(tmp, name);
  cpSync(join(REPO, 'sections'), join(dir, 'sections'), { recursive: true });
  cpSync(join(REPO, LOG), join(dir, LOG));
  const g = join(dir, 'sections/section-G.md');
  writeFileSync(g, readFileSync(g, 'utf8').replace(/\n/g, '\r\n'));
  const h = join(dir, 'sections/section-H.md');
  writeFileSync(h, `\uFEFF${readFileSync(h, 'utf8')}`);
  return dir;
}

/** What the library says each amended document is, by file name. */
function expected(dir: string): Map<string, string> {
  const docs = new Map(readdirSync(join(dir, 'sections')).map((f) => {
    // As the CLI reads a file: a byte-order mark dropped.
    const doc = readDocument(readFileSync(join(dir, 'sections', f), 'utf8').replace(/^\uFEFF/, ''), `sections/${f}`).doc!;
    return [docId(doc.meta), doc] as const;
  }));
  const { log } = loadChangeLog(readFileSync(join(dir, LOG), 'utf8'), LOG);
  const result = applyChangeLog(log!, docs);
  return new Map([...result.docs.values()].map((d) => [d.file.replace('sections/', ''), serializeDocument(d)]));
}

describe('apply writes exactly the serialized amended documents', () => {
  it('to another folder (-o), every document', async () => {
    const dir = repo('out');
    const want = expected(dir);
    const r = await runCli(['apply', LOG, '-o', 'amended'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'amended')).sort()).toEqual([...want.keys()].sort());
    for (const [file, text] of want) expect(readFileSync(join(dir, 'amended', file)).equals(Buffer.from(text, 'utf8')), file).toBe(true);
  });

  it('in place (--write), the changed documents', async () => {
    const dir = repo('write');
    const want = expected(dir);
    const before = new Map(readdirSync(join(dir, 'sections')).map((f) => [f, readFileSync(join(dir, 'sections', f))]));
    const r = await runCli(['apply', LOG, '--write'], dir);
    expect(r.code, r.stderr).toBe(0);
    let changed = 0;
    for (const [file, text] of want) {
      const now = readFileSync(join(dir, 'sections', file));
      if (now.equals(before.get(file)!)) continue;
      changed++;
      expect(now.equals(Buffer.from(text, 'utf8')), file).toBe(true);
    }
    // The housekeeping example changes G and H among others: both odd files were rewritten, canonically.
    expect(changed).toBeGreaterThan(4);
    expect(readFileSync(join(dir, 'sections/section-G.md'), 'utf8')).not.toContain('\r');
    expect(readFileSync(join(dir, 'sections/section-H.md'), 'utf8').startsWith('\uFEFF')).toBe(false);
  });
});
