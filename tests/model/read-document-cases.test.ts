// readDocument takes the line scan only when it reads a file exactly as the remark parser does: the
// sample documents, and specific Markdown the scanner does not interpret.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument, scanIfCanonical } from '../../src/model/read-document.js';
import { parseDocument } from '../../src/model/parse.js';

const FRONT = '---\nkind: appendix\ncode: AD\ntitle: DCC User Interface Specification\nversion: DUIS 5.2\n---\n';

describe('readDocument', () => {
  it('agrees with the parser on the sample documents', () => {
    const dir = join(import.meta.dirname, '../../sections');
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    } catch {
      return; // no sample documents in this checkout
    }
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(scanIfCanonical(text, f)).not.toBeNull();
      expect(readDocument(text, f)).toEqual(parseDocument(text, f));
    }
  });

  const foreign: [string, string][] = [
    ['a block quote', '> 1.1 Quoted.'],
    ['a fenced code block', '```\n1.1 Code.\n```'],
    ['an ordered list', '1. First item'],
    ['a thematic break', '***'],
    ['an HTML block', '<div>1.1 Text.</div>'],
    ['a link reference definition', '[sec]: https://example.org'],
    ['an indented code block', '    1.1 Indented.'],
    ['a wrapped paragraph', '1.1 The DCC shall\nnotify the Panel.'],
    ['a setext heading', 'Title\n====='],
  ];
  for (const [what, body] of foreign) {
    it(`leaves ${what} to the parser`, () => {
      const text = `${FRONT}\n## 1 Introduction\n\n${body}\n`;
      expect(scanIfCanonical(text, 'appendix-AD.md')).toBeNull();
      expect(readDocument(text, 'appendix-AD.md')).toEqual(parseDocument(text, 'appendix-AD.md'));
    });
  }

  // remark-stringify escapes a list marker at the start of a table cell as at the start of a block: the scan's
  // '1) x' is the parser's '1\\) x' (block-trust.ts holds cells to the block-start rule; found by the diff's
  // soundness property, tests/diff/verify-parse.test.ts).
  for (const cell of ['1) the Panel', '- none', '+ more']) {
    it(`reads a table cell '${cell}' as the parser does`, () => {
      const text = `${FRONT}\n## 1 Introduction\n\n| Item | Value |\n| --- | --- |\n| Code | ${cell} |\n`;
      expect(readDocument(text, 'appendix-AD.md')).toEqual(parseDocument(text, 'appendix-AD.md'));
    });
  }

  it('reads a CRLF file on the fast path, exactly as the parser does', () => {
    const text = `${FRONT}\n## 1 Introduction\n\n1.1 Text.\n`.replace(/\n/g, '\r\n');
    expect(scanIfCanonical(text.replace(/\r\n/g, '\n'), 'appendix-AD.md')).not.toBeNull();
    expect(readDocument(text, 'appendix-AD.md')).toEqual(parseDocument(text, 'appendix-AD.md'));
  });
});
