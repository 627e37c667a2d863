// file-name: a document's file name says which document it holds (docs/format.md, 'File names and
// documents'), so `section-G.md` must have kind: section and code: G. Problems inside the front matter itself
// are the parser's (rule 'front-matter').

import { basename } from 'node:path';
import type { Problem } from '../../model/types.js';
import type { Rule } from '../types.js';
import { docFileName } from '../../model/doc-ref.js';
import { finding } from '../where.js';

const name = 'file-name';

export const fileName: Rule = {
  name,
  severity: 'error',
  description: "the file name does not match the front matter's kind and code (section-G.md holds Section G)",
  scope: 'document',
  checkDocument(doc) {
    const out: Problem[] = [];
    const expected = docFileName(doc.meta);
    const actual = basename(doc.file);
    if (actual !== expected) {
      out.push(finding(doc.file, 1, 1, 'error', name,
        `File name '${actual}' does not match the front matter (kind: ${doc.meta.kind}, code: ${doc.meta.code}): expected '${expected}'`));
    }
    return out;
  },
};
