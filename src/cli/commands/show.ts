// `sec-redline show <ID>`: one clause with its sub-paragraphs (or one row, one sub-paragraph), as Markdown.

import type { Register } from './index.js';
import { loadDocuments } from '../load.js';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { docFileName, docId } from '../../model/doc-ref.js';
import { findBlock, subtree } from '../../model/lookup.js';
import { serializeBlocks } from '../../model/serialize.js';
import { parseId } from '../../model/ids.js';
import { ProblemsError, UsageError } from '../../util/errors.js';
import type { SecDocument } from '../../model/types.js';

export const registerShow: Register = (program, ctx, setExit) => {
  program
    .command('show')
    .description('print one clause with its sub-paragraphs, e.g. `show H17.5` or `show "Appendix AD 3.5.10[E64]"`')
    .argument('<id>', 'clause ID in any accepted spelling')
    .option('--sections <dir>', 'where the documents are', 'sections')
    .action((id: string, opts: { sections: string }) => {
      const parsed = parseId(id);
      if (!parsed) throw new UsageError(`'${id}' is not a clause ID: expected e.g. G3.5, H17.5(a), 'Appendix AD 3.8.17.1', 'A1.1[SM WAN]'`);
      // The document's own file (sections/section-G.md) when it is there under its conventional name: one file
      // read instead of the whole SEC. Any other layout reads the folder.
      const own = join(opts.sections, docFileName(parsed.doc));
      const first = existsSync(resolve(ctx.cwd, own)) ? loadDocuments([own], ctx.cwd) : null;
      const hit = first && first.docs.some((d) => docId(d.doc.meta) === docId(parsed.doc)) ? first : null;
      const { docs, problems } = hit ?? loadDocuments([opts.sections], ctx.cwd);
      if (problems.some((p) => p.severity === 'error')) throw new ProblemsError(problems);
      const byId = new Map<string, SecDocument>(docs.map((d) => [docId(d.doc.meta), d.doc]));
      const found = findBlock(byId, id);
      if (!found) {
        ctx.stderr.write(`sec-redline: no clause ${parsed.id}${byId.has(docId(parsed.doc)) ? '' : ` (no document ${docId(parsed.doc)} in ${opts.sections})`}\n`);
        setExit(1);
        return;
      }
      const blocks = found.block ? subtree(found.doc, found.index) : found.doc.blocks;
      ctx.stdout.write(`${serializeBlocks(blocks)}\n`);
    });
};
