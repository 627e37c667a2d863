// The check that lets the tree diff trust its line scan: the changed clauses, parsed by the full remark
// pipeline, must give the same blocks as the scan (kinds, labels, depths, texts, cells, alignments). The
// clauses of one side are parsed together as one synthetic document, so the cost is one parse per changed
// document side, proportional to the changed text only. IDs are not compared: they depend on text outside
// the excerpt, and both paths compute them with the same identifyBlocks.

import { parseDocument } from '../model/parse.js';
import { sameBlockContent, type ClauseGroup } from './clauses.js';

/**
 * `frontMatter` is the document's front matter as written (ending with its closing '---' line); `source`
 * gives each clause's source lines.
 */
export function scanAgreesWithParse(frontMatter: string, clauses: readonly ClauseGroup[], source: (clause: ClauseGroup) => string, file: string): boolean {
  if (clauses.length === 0) return true;
  const excerpt = clauses.map((c) => source(c).replace(/\s+$/, '')).join('\n\n');
  const head = frontMatter.endsWith('\n') ? frontMatter : `${frontMatter}\n`;
  const parsed = parseDocument(`${head}\n${excerpt}\n`, file);
  if (!parsed.doc || parsed.problems.some((p) => p.severity === 'error')) return false;
  const got = parsed.doc.blocks;
  const expected = clauses.flatMap((c) => c.blocks);
  if (got.length !== expected.length) return false;
  for (let i = 0; i < got.length; i++) if (!sameBlockContent(got[i]!, expected[i]!)) return false;
  return true;
}
