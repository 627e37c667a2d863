// `sec-redline apply <changes.yaml> [--sections DIR] (-o DIR | --write | --dry-run) [--force]`: applies a
// change log to the documents of DIR (default sections/). -o (alias --out) writes every document, amended or not, under
// its own file name in a new or existing directory; --write amends DIR in place; --dry-run prints what each
// item would do. Everything is validated first: on any error nothing is written (and --out's directory is not
// created). Files are written atomically, all or none.

import { existsSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Register, SetExit } from './index.js';
import type { CliContext } from '../context.js';
import { serializeDocument, spliceSerialized, wasProven } from '../../model/index.js';
import type { SecDocument } from '../../model/types.js';
import { type FileWrite, refuseInputsAsOutputs, withFolderLock, writeFilesAtomic } from '../../util/atomic-write.js';
import { sameAs } from '../../util/same-file.js';
import { UsageError } from '../../util/errors.js';
import { describeEdit } from '../../changelog/index.js';
import { runChangeLog, type AppliedChangeLog } from '../run-change-log.js';
import { formatValue, jsonOut, outputOption, outputPath, sectionsDir, status } from '../conventions.js';
import { checkOutFolder, fsOf } from '../write-output.js';

interface ApplyFlags {
  sections?: string;
  output?: string;
  out?: string;
  write?: boolean;
  dryRun?: boolean;
  force?: boolean;
  format: string;
}

export const registerApply: Register = (program, ctx, setExit) => {
  const cmd = program
    .command('apply')
    .description('apply a change log (annexes/<folder>/changes.yaml) to the SEC documents')
    .argument('<changes>', 'the change log (YAML); - reads it from standard input')
    .option('--sections <dir>', 'directory of SEC documents the change log was drafted against (default: sections/ of the repository)');
  outputOption(cmd, 'write every document, amended or not, into this folder (- prints the one amended document)')
    .option('--write', 'amend the documents in place')
    .option('--dry-run', 'print what each item would change, write nothing')
    .option('--format <format>', 'with --dry-run: text or json', 'text')
    .option('--force', "apply even where a document's version label differs from the change log's")
    .action((changes: string, opts: ApplyFlags) => {
      const out = outputPath(opts);
      const modes = [out !== undefined, !!opts.write, !!opts.dryRun].filter(Boolean).length;
      if (modes !== 1) throw new UsageError('give exactly one of -o/--output DIR, --write or --dry-run');
      const format = formatValue(opts.format, ['text', 'json'] as const);
      if (format === 'json' && !opts.dryRun) throw new UsageError('--format json goes with --dry-run');
      const sections = sectionsDir(opts.sections, ctx);
      const sectionsAbs = resolve(ctx.cwd, sections);
      if (out !== undefined && out !== '-') checkOutFolders(out, sections, ctx.cwd);
      // --write holds the folder's lock from reading to writing: a second writer waits and then applies its log
      // to this one's result, instead of both reading the old text and the last one winning.
      const run = (): void => act(changes, { ...opts, out, sections, format }, ctx, setExit);
      if (opts.write && existsSync(sectionsAbs)) withFolderLock(folderOf(sectionsAbs), sections, run, fsOf(ctx));
      else run();
    });
};

interface ActFlags {
  out: string | undefined;
  sections: string;
  format: 'text' | 'json';
  write?: boolean;
  dryRun?: boolean;
  force?: boolean;
}

function act(changes: string, opts: ActFlags, ctx: CliContext, setExit: SetExit): void {
  // No unchanged clause is needed: the dry run lists the blocks each item changed, and the invariant's culprit is
  // found among the changed clauses (an unchanged one names no item).
  const set = runChangeLog(changes, opts.sections, !!opts.force, ctx, { context: 0, keepBytes: true });
  const { log, docs, fileOf, sourceOf, result } = set;

  const changed = [...result.docs].filter(([id, d]) => d !== docs.get(id));
  if (opts.dryRun) {
    // Which blocks each item changes, from the attributed Redline: 'G3.5A inserted'.
    const touched = new Map<string, { id: string; status: string }[]>();
    for (const d of result.redline.documents) {
      for (const c of d.clauses) for (const b of c.blocks) for (const it of b.items) (touched.get(it) ?? touched.set(it, []).get(it)!).push({ id: b.id, status: b.status });
    }
    if (opts.format === 'json') {
      ctx.stdout.write(
        jsonOut({
          modification: log.modification,
          items: log.items.map((item) => ({
            id: item.id,
            sections: item.sections,
            summary: item.summary,
            edits: item.edits.map((e) => describeEdit(e)),
            blocks: touched.get(item.id) ?? [],
          })),
          changes: changed.map(([id]) => ({ document: id, file: fileOf.get(id) })),
        }),
      );
      setExit(0);
      return;
    }
    ctx.stdout.write(`${log.modification.id} '${log.modification.title}': ${log.items.length} item${log.items.length === 1 ? '' : 's'}\n`);
    for (const item of log.items) {
      ctx.stdout.write(`item ${item.id} (${item.sections.join(', ')}): ${item.summary}\n`);
      for (const e of item.edits) ctx.stdout.write(`  - ${describeEdit(e)}\n`);
      const blocks = touched.get(item.id) ?? [];
      if (blocks.length) ctx.stdout.write(`    ${blocks.map((b) => `${b.id} ${b.status}`).join('; ')}\n`);
    }
    ctx.stdout.write(`would change ${changed.length} document${changed.length === 1 ? '' : 's'}: ${changed.map(([id]) => fileOf.get(id)).join(', ')}\n`);
    setExit(0);
    return;
  }

  const out = opts.out;
  if (out === '-') {
    // One amended document to standard output (a filter); several need a folder.
    if (changed.length !== 1) throw new UsageError(`-o - prints one amended document, but this change log changes ${changed.length}: give -o DIR`);
    ctx.stdout.write(serializeDocument(changed[0]![1]));
    setExit(0);
    return;
  }
  const writes: FileWrite[] = [];
  if (out !== undefined) {
    const dir = resolve(ctx.cwd, out);
    const names = new Map<string, string>();
    for (const [id, doc] of result.docs) {
      const name = basename(fileOf.get(id)!);
      if (names.has(name)) throw new UsageError(`-o: ${fileOf.get(id)} and ${names.get(name)} have the same file name`);
      names.set(name, fileOf.get(id)!);
      writes.push({ path: join(dir, name), shown: join(out, name), data: written(id, doc, set) });
    }
    const inputs = [changes, ...fileOf.values()].map((f) => ({ path: resolve(ctx.cwd, f), shown: f }));
    refuseInputsAsOutputs(writes.map((w) => ({ path: w.path, shown: w.shown! })), inputs, '-o: the output', 'choose another folder, or use --write to amend the documents in place');
    writeFilesAtomic(writes, { root: dir, rootShown: out, ...fsOf(ctx) });
  } else {
    for (const [id, doc] of changed) {
      const file = fileOf.get(id)!;
      writes.push({ path: resolve(ctx.cwd, file), shown: file, data: written(id, doc, set), expect: sourceOf.get(id)! });
    }
    writeFilesAtomic(writes, { root: folderOf(resolve(ctx.cwd, opts.sections)), rootShown: opts.sections, ...fsOf(ctx) });
  }
  const where = out !== undefined ? `wrote ${writes.length} documents to ${out}` : `amended ${writes.length} document${writes.length === 1 ? '' : 's'} in place`;
  status(ctx, `${log.modification.id}: applied ${log.items.length} item${log.items.length === 1 ? '' : 's'}, changing ${changed.length} document${changed.length === 1 ? '' : 's'}; ${where}`);
  setExit(0);
}

/**
 * What to write for document `id`: serializeDocument(doc) as bytes, copied from the file it was read from wherever
 * it is unchanged (spliceSerialized), when those bytes are exactly the serialization of the document read (read
 * on the fast path, no carriage returns); else the serialized text.
 */
function written(id: string, doc: SecDocument, set: AppliedChangeLog): string | Uint8Array {
  const original = set.docs.get(id);
  const bytes = set.bytesOf?.get(id);
  const source = set.sourceOf.get(id);
  if (!original || !bytes || source === undefined || source.includes('\r') || !wasProven(original)) return serializeDocument(doc);
  if (doc === original) return bytes;
  const origins = set.result.origins.get(id);
  return origins ? spliceSerialized(original, bytes, doc, origins) : serializeDocument(doc);
}

/** The folder a --sections path names (itself, or the folder of a single file). */
function folderOf(abs: string): string {
  try {
    return statSync(abs).isDirectory() ? abs : dirname(abs);
  } catch {
    return abs;
  }
}

/** --out must name a folder (new or existing) that is not the documents' own folder. */
function checkOutFolders(out: string, sections: string, cwd: string): void {
  const inside = relative(resolve(cwd, sections), resolve(cwd, out));
  if (inside !== '' && !inside.startsWith('..') && !isAbsolute(inside)) {
    throw new UsageError(`--out ${out} is inside the documents' folder (--sections ${sections}): the copies would be read as documents too; give a folder outside it`);
  }
  if (!checkOutFolder(out, cwd, 'the documents')) return;
  if (sameAs(resolve(cwd, out), [{ path: resolve(cwd, sections), shown: sections }])) {
    throw new UsageError(`--out ${out} is the documents' own folder (--sections ${sections}): use --write to amend them in place, or give another folder`);
  }
}
