// Writing through the CLI: a refused rename mid-apply leaves the old documents and a run that works next time;
// an output path that is an input is refused; the file system's refusals are user errors naming the path.
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli } from '../helpers/run-cli.js';
import { faultFs, failWith } from '../util/fault-fs.js';
import { snapshot } from '../util/tree.js';
import type { FsPort } from '../../src/util/fs-port.js';

const repo = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'sec-write-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const LOG = 'annexes/housekeeping-2024/changes.yaml';

/** A copy of the repository's sections/ and the housekeeping change log. */
function project(name: string): string {
  const dir = join(tmp, name);
  cpSync(join(repo, 'sections'), join(dir, 'sections'), { recursive: true });
  mkdirSync(join(dir, 'annexes/housekeeping-2024'), { recursive: true });
  cpSync(join(repo, LOG), join(dir, LOG));
  return dir;
}

async function runWith(fs: FsPort, argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main({ argv, cwd, env: { NO_COLOR: '1' }, fs, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } });
  return { code, stdout, stderr };
}

/** The n-th rename (1-based) of target `name` fails with `code`. */
function refuseRenameOnto(name: string, code: string): FsPort {
  const base = faultFs(0).fs;
  return { ...base, renameSync: (a, b) => (b.endsWith(`/${name}`) ? failWith(code)('renameSync') : base.renameSync(a, b)) };
}

describe('apply --write never half-applies', () => {
  it('a document that cannot be replaced (immutable): exit 2 naming it, every document as it was, no temporary file, and the rerun works', async () => {
    const dir = project('immutable');
    const before = snapshot(join(dir, 'sections'));
    const r = await runWith(refuseRenameOnto('section-M.md', 'EPERM'), ['apply', LOG, '--write'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sec-redline: cannot replace sections\/section-M\.md: the operation is not permitted .*; nothing was written/);
    expect(r.stderr).not.toMatch(/internal error|\.tmp|\.new/);
    expect(snapshot(join(dir, 'sections'))).toEqual(before);
    const again = await runCli(['apply', LOG, '--write'], dir);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(readdirSync(join(dir, 'sections')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('apply --out with a directory in the way of one document: exit 2, nothing written', async () => {
    const dir = project('out-blocked');
    mkdirSync(join(dir, 'out/section-M.md'), { recursive: true });
    const r = await runCli(['apply', LOG, '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sec-redline: cannot replace out\/section-M\.md: it is a directory/);
    expect(snapshot(join(dir, 'out'))).toEqual({ 'section-M.md/': '' });
  });

  it('release --out with a directory in the way of one output, or naming a file: exit 2, nothing written', async () => {
    const out = join(tmp, 'release-out');
    mkdirSync(join(out, 'release-redline.docx'), { recursive: true });
    const r = await runCli(['release', 'releases/example.yaml', '--out', out], repo);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sec-redline: cannot replace .*release-redline\.docx: it is a directory/);
    expect(snapshot(out)).toEqual({ 'release-redline.docx/': '' });
    const file = join(tmp, 'release-file');
    writeFileSync(file, 'x');
    const f = await runCli(['release', 'releases/example.yaml', '--out', file], repo);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/--out .*release-file is a file, not a folder/);
  });

  it('apply --out naming the sections folder itself points to --write', async () => {
    const dir = project('out-sections');
    const before = snapshot(join(dir, 'sections'));
    for (const out of ['sections', './sections/', resolve(dir, 'sections')]) {
      const r = await runCli(['apply', LOG, '--out', out], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is the documents' own folder .*use --write/);
    }
    expect((await runCli(['apply', LOG, '--out', 'sections/amended'], dir)).stderr).toMatch(/is inside the documents' folder/);
    symlinkSync(join(dir, 'sections'), join(dir, 'link'));
    expect((await runCli(['apply', LOG, '--out', 'link'], dir)).stderr).toMatch(/use --write/);
    expect(snapshot(join(dir, 'sections'))).toEqual(before);
  });

  it('apply --out naming a file: exit 2', async () => {
    const dir = project('out-file');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const r = await runCli(['apply', LOG, '--out', 'notes.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sec-redline: --out notes\.txt is a file, not a folder/);
  });
});

describe('an output path that is an input is refused', () => {
  it('annex -o the change log, directly and through a link', async () => {
    const dir = project('annex-o');
    const log = readFileSync(join(dir, LOG), 'utf8');
    symlinkSync(join(dir, LOG), join(dir, 'alias.yaml'));
    for (const out of [LOG, 'alias.yaml']) {
      const r = await runCli(['annex', LOG, '--format', 'md', '-o', out], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^sec-redline: -o .* is (an input|the same file as the input) .*choose another output file/);
    }
    expect(readFileSync(join(dir, LOG), 'utf8')).toBe(log);
  });

  it('annex -o a document it reads; diff -o one of the compared files; table -o its change log', async () => {
    const dir = project('diff-o');
    const g = readFileSync(join(dir, 'sections/section-G.md'), 'utf8');
    writeFileSync(join(dir, 'other.md'), g.replace('teh Panel', 'the Panel'));
    const cases = [
      ['annex', LOG, '--format', 'md', '-o', 'sections/section-G.md'],
      ['diff', 'sections/section-G.md', 'other.md', '-o', 'sections/section-G.md'],
      ['diff', 'sections', join(repo, 'sections'), '-o', 'sections/section-G.md'],
      ['table', LOG, '--format', 'md', '-o', LOG],
    ];
    for (const argv of cases) {
      const r = await runCli(argv, dir);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/is (an input|the same file as the input)/);
    }
    expect(readFileSync(join(dir, 'sections/section-G.md'), 'utf8')).toBe(g);
  });
});

describe('file-system refusals are user errors naming the path', () => {
  it('-o an existing directory, -o under a regular file, -o into a folder that refuses writing', async () => {
    const dir = project('errno');
    mkdirSync(join(dir, 'adir'));
    writeFileSync(join(dir, 'afile'), 'x');
    const dirCase = await runCli(['annex', LOG, '--format', 'md', '-o', 'adir'], dir);
    expect(dirCase.code).toBe(2);
    expect(dirCase.stderr).toMatch(/^sec-redline: -o adir is a folder/);
    const under = await runCli(['annex', LOG, '--format', 'md', '-o', 'afile/annex.md'], dir);
    expect(under.code).toBe(2);
    expect(under.stderr).toMatch(/^sec-redline: cannot write afile: a part of the path is a file, not a folder/);
    const denied = faultFs(1, ['openSync'], failWith('EACCES')).fs;
    const ro = await runWith(denied, ['annex', LOG, '--format', 'md', '-o', 'ro/annex.md'], dir);
    expect(ro.code).toBe(2);
    expect(ro.stderr).toMatch(/^sec-redline: cannot write ro: permission denied/);
    expect(ro.stderr).not.toMatch(/\.tmp|\.new|internal/);
    expect(readdirSync(dir).sort()).toEqual(['adir', 'afile', 'annexes', 'sections']);
    expect(readdirSync(join(dir, 'adir'))).toEqual([]);
  });

  it('a dangling link and a link loop in sections/', async () => {
    const dir = project('links');
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'sections/dangling.md'));
    let r = await runCli(['check'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sec-redline: sections\/dangling\.md is a symbolic link that leads nowhere/);
    rmSync(join(dir, 'sections/dangling.md'));
    symlinkSync(join(dir, 'sections/loop.md'), join(dir, 'sections/loop.md'));
    r = await runCli(['apply', LOG, '--write'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sec-redline: sections\/loop\.md is a symbolic link that leads nowhere/);
  });

  it('SOURCE_DATE_EPOCH beyond year 9999', async () => {
    const dir = project('epoch');
    const r = await runCli(['annex', LOG, '--format', 'md'], dir, { SOURCE_DATE_EPOCH: '99999999999999999' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sec-redline: SOURCE_DATE_EPOCH must be a whole number of seconds up to/);
  });
});

describe('a release never writes documents that check rejects', () => {
  it('two modifications fine on their own, together leaving a dangling reference: refused, nothing written', async () => {
    const dir = join(tmp, 'release-invariant');
    const doc = `---\nkind: section\ncode: G\ntitle: Security\nversion: SEC 2024-02\n---\n\n## G1 General\n\nG1.1 Each Party shall keep a record of every notice it gives.\n\nG1.2 A notice shall be given in writing.\n`;
    const log = (id: string, edit: string): string =>
      `modification: { id: ${id}, title: Test }\nrelease: June 2024 SEC Release\ndrafter: SECAS\ndate: 2024-05-22\ndocuments:\n  Section G: SEC 2024-02\nitems:\n  - id: '1'\n    summary: s\n    proposed: p\n    sections: [G1]\n    edits:\n      - ${edit}\n`;
    mkdirSync(join(dir, 'sections'), { recursive: true });
    mkdirSync(join(dir, 'annexes/a'), { recursive: true });
    mkdirSync(join(dir, 'annexes/b'), { recursive: true });
    writeFileSync(join(dir, 'sections/section-G.md'), doc);
    writeFileSync(join(dir, 'annexes/a/changes.yaml'), log('MP905', '{ kind: delete-clause, target: G1.2, remove: true }'));
    writeFileSync(join(dir, 'annexes/b/changes.yaml'), log('MP906', "{ kind: insert-text, in: G1.1, at: end, text: ' in the form Section G1.2 requires' }"));
    writeFileSync(
      join(dir, 'r.yaml'),
      'name: June 2024 SEC Release\ndate: 2024-06-27\ndrafter: SECAS\nmodifications:\n  - changes: annexes/a/changes.yaml\n    status: approved\n  - changes: annexes/b/changes.yaml\n    status: approved\nversions:\n  Section G: SEC 2024-06\n',
    );
    const r = await runCli(['release', 'r.yaml', '--out', 'out'], dir);
    expect(r.stderr).toMatch(/r\.yaml:1:1  the consolidated .*section-G\.md would fail check at line \d+: .*G1\.2.*\[dangling-reference\]; nothing written  \[release-result\]/);
    expect(r.code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['annexes', 'r.yaml', 'sections']);
  });
});
