// `sec-redline show <ID>`: one clause with its sub-paragraphs (or one row, one sub-paragraph), as Markdown.

import type { Register } from './index.js';
import { loadDocuments } from '../load.js';
import { docId } from '../../model/doc-ref.js';
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
      const { docs, problems } = loadDocuments([opts.sections], ctx.cwd);
      if (problems.some((p) => p.severity === 'error')) throw new ProblemsError(problems);
      const byId = new Map<string, SecDocument>(docs.map((d) => [docId(d.doc.meta), d.doc]));
      const found = findBlock(byId, id);
      if (!found) {
        ctx.stderr.write(`sec-redline: no clause ${parsed.id}${byId.has(docId(parsed.doc)) ? '' : ` (no document ${docId(parsed.doc)} in ${opts.sections})`}\n`);
        setExit(1);
        return;
      }
      if (found.limb) {
        ctx.stdout.write(`${found.limb.text}\n`);
        return;
      }
      const blocks = found.block ? subtree(found.doc, found.index) : found.doc.blocks;
      // A cross-heading standing alone right before a clause introduces it: show it too ('show B1.3').
      const before = found.block && found.block.clause === found.block.id ? found.doc.blocks[found.index - 1] : undefined;
      const intro = before && before.kind === 'heading' && before.label === '' && before.clause === before.id ? [before] : [];
      ctx.stdout.write(`${serializeBlocks([...intro, ...blocks])}\n`);
    });
};
