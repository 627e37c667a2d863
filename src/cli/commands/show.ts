// `sec-redline show <ID>`: one clause with its sub-paragraphs (or one row, one sub-paragraph, one cell), as
// Markdown or JSON. An unknown ID names the nearest IDs that do exist; an unknown column lists the columns.

import type { Register } from './index.js';
import { loadDocuments } from '../load.js';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { docFileName, docId } from '../../model/doc-ref.js';
import { findBlock, subtree } from '../../model/lookup.js';
import { serializeBlocks } from '../../model/serialize.js';
import { parseId } from '../../model/ids.js';
import { ProblemsError, UsageError } from '../../util/errors.js';
import type { Block, SecDocument } from '../../model/types.js';
import { levenshtein } from '../../util/suggest.js';
import { formatValue, jsonOut, outputOption, outputPath, sectionsDir, writeOutput } from '../conventions.js';

interface ShowFlags {
  sections?: string;
  format: string;
  output?: string;
  out?: string;
}

/** Up to three IDs of the document nearest to the one asked for: same spelling ignoring case first. */
export function nearIds(doc: SecDocument, id: string): string[] {
  const lower = id.toLowerCase();
  const same = doc.blocks.filter((b) => b.id.toLowerCase() === lower).map((b) => b.id);
  if (same.length) return same.slice(0, 3);
  const limit = Math.max(2, Math.floor(id.length / 4));
  return doc.blocks
    .map((b) => ({ id: b.id, d: levenshtein(lower, b.id.toLowerCase()) }))
    .filter((c) => c.d <= limit)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((c) => c.id);
}

/** The header cells of the table a row belongs to. */
function columnsOf(doc: SecDocument, row: Block): string[] {
  return doc.blocks.find((b) => b.kind === 'table' && b.id === row.table)?.cells ?? [];
}

export const registerShow: Register = (program, ctx, setExit) => {
  const cmd = program
    .command('show')
    .description('print one clause with its sub-paragraphs, e.g. `show H17.5`, `show "Appendix AD 3.5.10[E64]"` or one cell `show "AD 3.5.10[E64]{Name}"`')
    .argument('<id>', 'clause ID in any accepted spelling')
    .option('--sections <dir>', 'where the documents are (default: sections/ of the repository)')
    .option('--format <format>', 'md (Markdown), or json: { "id", "document", "file", "line", "blocks": [{ "id", "kind", "text", "cells"? }] }', 'md');
  outputOption(cmd, 'write it to this file')
    .action((id: string, opts: ShowFlags) => {
      const format = formatValue(opts.format, ['md', 'json'] as const);
      const parsed = parseId(id);
      if (!parsed) {
        // 'g3.5', 'appendix ad 3.5': the same ID in another case is the likely meaning.
        const upper = parseId(id.replace(/^[a-x](?=\d)/, (c) => c.toUpperCase()).replace(/^(appendix|section|schedule)\s+([a-z]{1,2})\b/i, (_, w: string, c: string) => `${w} ${c.toUpperCase()}`));
        const hint = upper ? `: did you mean '${upper.id}'?` : `: expected e.g. G3.5, H17.5(a), 'Appendix AD 3.8.17.1', 'A1.1[SM WAN]'`;
        throw new UsageError(`'${id}' is not a clause ID${hint}`);
      }
      const sections = sectionsDir(opts.sections, ctx);
      // The document's own file (sections/section-G.md) when it is there under its conventional name: one file
      // read instead of the whole SEC. Any other layout reads the folder.
      const own = join(sections, docFileName(parsed.doc));
      const first = existsSync(resolve(ctx.cwd, own)) ? loadDocuments([own], ctx.cwd) : null;
      const hit = first && first.docs.some((d) => docId(d.doc.meta) === docId(parsed.doc)) ? first : null;
      const { docs, problems } = hit ?? loadDocuments([sections], ctx.cwd);
      if (problems.some((p) => p.severity === 'error')) throw new ProblemsError(problems);
      const byId = new Map<string, SecDocument>(docs.map((d) => [docId(d.doc.meta), d.doc]));
      const found = findBlock(byId, id);
      if (!found) {
        const doc = byId.get(docId(parsed.doc));
        if (!doc) ctx.stderr.write(`sec-redline: no clause ${parsed.id} (no document ${docId(parsed.doc)} in ${sections}; there are ${[...byId.keys()].join(', ') || 'none'})\n`);
        else {
          const near = nearIds(doc, parsed.id);
          ctx.stderr.write(`sec-redline: no clause ${parsed.id} in ${doc.file}${near.length ? `: did you mean ${near.map((n) => `'${n}'`).join(' or ')}?` : ''}\n`);
        }
        setExit(1);
        return;
      }
      const out = outputPath(opts);
      if (found.cell !== undefined && found.block) {
        const columns = columnsOf(found.doc, found.block);
        let k = columns.indexOf(found.cell);
        if (k < 0) k = columns.findIndex((c) => c.toLowerCase() === found.cell!.toLowerCase());
        if (k < 0) {
          ctx.stderr.write(`sec-redline: ${found.block.id} has no column '${found.cell}': the columns are ${columns.map((c) => `'${c}'`).join(', ')}\n`);
          setExit(1);
          return;
        }
        const text = found.block.cells?.[k] ?? '';
        const cellId = `${found.block.id}{${columns[k]}}`;
        writeOutput(ctx, out, format === 'json' ? jsonOut({ id: cellId, document: docId(found.doc.meta), file: found.doc.file, line: found.block.line, column: columns[k], text }) : `${text}\n`);
        return;
      }
      if (found.limb) {
        writeOutput(ctx, out, format === 'json' ? jsonOut({ id: parsed.id, document: docId(found.doc.meta), file: found.doc.file, text: found.limb.text }) : `${found.limb.text}\n`);
        return;
      }
      const subtreeBlocks = found.block ? subtree(found.doc, found.index) : found.doc.blocks;
      // A cross-heading standing alone right before a clause introduces it: show it too ('show B1.3').
      const before = found.block && found.block.clause === found.block.id ? found.doc.blocks[found.index - 1] : undefined;
      const intro = before && before.kind === 'heading' && before.label === '' && before.clause === before.id ? [before] : [];
      const blocks = [...intro, ...subtreeBlocks];
      if (format === 'json') {
        const first = blocks[0];
        writeOutput(
          ctx,
          out,
          jsonOut({
            id: found.block?.id ?? docId(found.doc.meta),
            document: docId(found.doc.meta),
            file: found.doc.file,
            line: first?.line ?? 1,
            blocks: blocks.map((b) => ({ id: b.id, kind: b.kind, text: b.text, ...(b.cells ? { cells: b.cells } : {}) })),
          }),
        );
        return;
      }
      writeOutput(ctx, out, `${serializeBlocks(blocks)}\n`);
    });
};
