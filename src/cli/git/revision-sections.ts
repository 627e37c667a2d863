// The documents of a directory (default sections/) as they are at a Git revision, for `annex <changes.yaml>
// --from REV` and `review <changes.yaml> --from REV`: the change log is read from the working tree, the
// documents it was drafted against from the object store (after `apply --write` the working tree already holds
// the amended text). Same reader as `diff --from` (one ls-tree, one cat-file --batch).

import type { Problem, SecDocument } from '../../model/types.js';
import { docId } from '../../model/doc-ref.js';
import { readDocument } from '../../model/read-document.js';
import { problem } from '../../util/errors.js';
import { UsageError } from '../../util/errors.js';
import type { CliContext } from '../context.js';
import type { SectionSet } from '../run-change-log.js';
import { gitReader, gitRepo, repoPaths } from '../tree-readers.js';

export function sectionSetAtRevision(rev: string, dir: string, ctx: Pick<CliContext, 'cwd'>): SectionSet {
  const repo = gitRepo(ctx.cwd);
  const scope = repoPaths(repo, [dir], ctx.cwd);
  const reader = gitReader(repo, rev, scope);
  const files = reader.list();
  if (!files.length) throw new UsageError(`no Markdown documents under ${dir} at revision '${rev}'`);
  const docs = new Map<string, SecDocument>();
  const fileOf = new Map<string, string>();
  const sourceOf = new Map<string, string>();
  const problems: Problem[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const f of files) {
    let text: string;
    try {
      text = decoder.decode(reader.read(f));
    } catch (err) {
      problems.push(problem(f.path, 1, 1, `Cannot read: ${err instanceof Error ? err.message : String(err)}`, 'read'));
      continue;
    }
    const parsed = readDocument(text, f.path);
    problems.push(...parsed.problems);
    if (!parsed.doc) continue;
    const id = docId(parsed.doc.meta);
    if (docs.has(id)) {
      problems.push(problem(f.path, 1, 1, `${id} is also in ${fileOf.get(id)}: one file per document`, 'duplicate-document'));
      continue;
    }
    docs.set(id, parsed.doc);
    fileOf.set(id, f.path);
    sourceOf.set(id, text);
  }
  return { docs, fileOf, sourceOf, problems };
}
