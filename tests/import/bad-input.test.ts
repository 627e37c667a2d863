// Bad input: each a clear message, exit 1 (or 2 for usage), nothing written, no stack trace.

import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync, truncateSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { buildDocx, p } from './docx-builder.js';
import { runCli } from '../helpers/run-cli.js';
import { runs } from '../helpers/runs.js';

const dir = mkdtempSync(join(tmpdir(), 'sec-import-bad-'));

function cfb(extra = ''): Uint8Array {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return Buffer.concat([head, Buffer.alloc(504), Buffer.from(extra, 'utf16le')]);
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const rootRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`;
const withDocument = (xml: string): Uint8Array => zipSync({ '_rels/.rels': strToU8(rootRels), 'word/document.xml': strToU8(xml) });

const CASES: { name: string; bytes: () => Uint8Array; message: RegExp }[] = [
  { name: 'not a ZIP', bytes: () => strToU8('Section G\nG1.1 plain text'), message: /Not a Word document: a \.docx is a ZIP package and this file is not one/ },
  { name: 'an empty file', bytes: () => new Uint8Array(0), message: /The file is empty/ },
  { name: 'a truncated ZIP', bytes: () => buildDocx({ body: p('x') }).slice(0, 200), message: /Not a readable ZIP package/ },
  { name: 'a ZIP bomb', bytes: () => zipSync({ '_rels/.rels': strToU8(rootRels), 'word/document.xml': new Uint8Array(20 * 1024 * 1024) }), message: /Refused: ZIP entry 'word\/document\.xml' expands to 20971520 bytes/ },
  { name: 'an encrypted document', bytes: () => cfb('EncryptedPackage'), message: /encrypted \(password-protected\)/ },
  { name: 'a legacy .doc', bytes: () => cfb('WordDocument'), message: /legacy Word 97–2003 \.doc file.*soffice --headless --convert-to docx/ },
  { name: 'an RTF file', bytes: () => strToU8('{\\rtf1\\ansi G1.1 text}'), message: /This is an RTF file.*soffice --headless --convert-to docx/ },
  { name: 'a PDF', bytes: () => strToU8('%PDF-1.7\n%...'), message: /This is a PDF/ },
  { name: 'an ODT', bytes: () => zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<x/>') }), message: /OpenDocument file \(\.odt\).*soffice --headless --convert-to docx/ },
  { name: 'a ZIP with no package relationships', bytes: () => zipSync({ 'word/document.xml': strToU8('<x/>') }), message: /Missing part '_rels\/\.rels'/ },
  { name: 'a missing main part', bytes: () => zipSync({ '_rels/.rels': strToU8(rootRels) }), message: /Missing part 'word\/document\.xml'/ },
  { name: 'malformed XML', bytes: () => withDocument('<w:document xmlns:w="x"><w:body><w:p></w:body></w:document>'), message: /Malformed XML/ },
  {
    name: 'a DOCTYPE with an entity',
    bytes: () => withDocument('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY big "aaaaaaaaaa">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&big;</w:t></w:r></w:p></w:body></w:document>'),
    message: /Refused a DOCTYPE declaration \(refused: entity declarations are never expanded\)/,
  },
  {
    name: 'absurdly deep nesting',
    bytes: () => withDocument(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>${'<w:sdt><w:sdtContent>'.repeat(5000)}${'</w:sdtContent></w:sdt>'.repeat(5000)}</w:p></w:body></w:document>`),
    message: /Malformed XML: elements nested more than 256 deep/,
  },
  {
    name: 'numbering that names a missing num',
    bytes: () => buildDocx({ numbering: '', body: '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr><w:r><w:t>G1.1 x</w:t></w:r></w:p>' }),
    message: /Paragraph 1: the paragraph is numbered by w:num 4, which numbering\.xml does not define/,
  },
  {
    name: 'tracked changes without --tracked',
    bytes: () => buildDocx({ body: '<w:p><w:ins w:id="1" w:author="SECAS"><w:r><w:t>G1.1 x</w:t></w:r></w:ins></w:p>' }),
    message: /The document has 1 tracked revision: pass --tracked accept/,
  },
];

describe('import refuses bad input with a clear message and writes nothing', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const input = join(dir, `${c.name.replace(/\W+/g, '-')}.docx`);
      writeFileSync(input, c.bytes());
      const out = join(dir, `${c.name.replace(/\W+/g, '-')}.md`);
      const res = await runCli(['import', input, '-o', out], dir);
      expect(res.stderr).toMatch(c.message);
      expect(res.code).toBe(1);
      expect(res.stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('a 200 MB document is refused by its size before it is read', async () => {
    const input = join(dir, 'huge.docx');
    closeSync(openSync(input, 'w'));
    truncateSync(input, 200 * 1024 * 1024); // sparse: no disk used
    const res = await runCli(['import', input, '-o', join(dir, 'huge.md')], dir);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/The file is 200 MB; the limit for a \.docx is 100 MB/);
  });

  it('a folder with one bad document writes none of them', async () => {
    const folder = mkdtempSync(join(dir, 'folder-'));
    writeFileSync(join(folder, 'good.docx'), buildDocx({ custom: { kind: 'section', code: 'G', version: 'v1' }, title: 'Security', body: p('G1.1 A clause.') }));
    writeFileSync(join(folder, 'bad.docx'), strToU8('not a zip'));
    const out = join(dir, 'out-folder');
    const res = await runCli(['import', folder, '-o', out], dir);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/nothing written: 1 problem in 1 of 2 documents/);
    expect(existsSync(out)).toBe(false);
  });

  it('usage errors exit 2', async () => {
    writeFileSync(join(dir, 'notes.md'), 'x');
    expect((await runCli(['import', join(dir, 'notes.md')], dir)).code).toBe(2);
    expect((await runCli(['import', join(dir, 'nothing.docx')], dir)).code).toBe(2);
    const ok = join(dir, 'ok.docx');
    writeFileSync(ok, buildDocx({ body: p('G1.1 x') }));
    expect((await runCli(['import', ok, '--tracked', 'maybe'], dir)).stderr).toMatch(/--tracked takes accept or reject/);
  });
});

describe('import never fails with an internal error on damaged packages', () => {
  it('random byte damage gives an import or a positioned problem, never anything else', async () => {
    const fc = (await import('fast-check')).default;
    const { importDocx } = await import('../../src/import/index.js');
    const { ProblemsError } = await import('../../src/util/errors.js');
    const good = buildDocx({
      custom: { kind: 'section', code: 'G', version: 'v1' },
      title: 'Security',
      numbering: '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="G1.%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
      body: Array.from({ length: 20 }, (_, i) => p(`clause ${i} text`, { num: [1, 0] })).join(''),
    });
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.nat(good.length - 1), byte: fc.nat(255) }), { minLength: 1, maxLength: 6 }), (flips) => {
        const bad = good.slice();
        for (const f of flips) bad[f.at] = f.byte;
        try {
          importDocx(bad, 'damaged.docx');
        } catch (err) {
          if (!(err instanceof ProblemsError)) throw err;
        }
      }),
      { numRuns: runs(300) },
    );
  });
});
