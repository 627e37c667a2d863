// Two versions of the SEC (two files, two directories, two Git revisions) → one Redline, fast enough for the
// whole code (~30 MB). The readers do the I/O (src/cli/tree-readers.ts); this core only sees bytes.
//
// Why it scales: documents whose bytes are identical are skipped (only their front matter is read); in the
// others, clauses whose bytes are identical are skipped too (fast-document.ts), so only the changed clauses
// are scanned into blocks, aligned and word-diffed, and only they go through the full remark pipeline as a
// check of the line scan. A document the fast path cannot handle (not canonical, broken, only on one side)
// is scanned or parsed whole, which gives the same result more slowly.
//
// Unlike buildRedline, a tree diff keeps in each DocumentRedline only the changed clauses and `context`
// unchanged clauses around each (all of them when context is Infinity, the default), and leaves the clauses
// of byte-identical documents out: at the scale of the whole SEC the rest would cost time and memory for
// nothing a renderer shows.

import { isUtf8 } from 'node:buffer';
import type { Problem, SecDocument } from '../model/types.js';
import { readDocument } from '../model/read-document.js';
import { controlCharMessage, findControlChars } from '../util/control-chars.js';
import { scanDocument } from '../model/scan.js';
import type { DocumentRedline, Redline } from '../redline/types.js';
import { buildDocumentRedline, fileBaseName, sortDocuments, type BuildOptions } from './build-redline.js';
import { problem } from '../util/errors.js';
import { groupClauses, type ClauseGroup } from './clauses.js';
import { diffDocumentBytes, keepContext } from './fast-document.js';
import { clausesParseAgree } from './verify-parse.js';
import { pushAll } from '../util/arrays.js';

export interface TreeFile {
  /** What pairs a file with its counterpart: the path relative to the tree's root ('section-G.md'). */
  key: string;
  /** What read() takes and messages show: 'old/section-G.md', 'HEAD~1:sections/section-G.md'. */
  path: string;
}

/** One side of a comparison. Implementations do the I/O; read() throws an Error whose message says why. */
export interface TreeReader {
  list(): TreeFile[];
  read(file: TreeFile): Uint8Array;
}

export interface TreeDiffOptions extends BuildOptions {
  /** Check changed clauses against the remark parse (default true). */
  verify?: boolean;
  /** Unchanged clauses kept around each changed one (default Infinity: every clause of a changed document). */
  context?: number;
  /** Use the clause-chunk fast path where it applies (default true; false scans every changed document whole). */
  fast?: boolean;
}

export interface TreeDiffResult {
  redline: Redline;
  problems: Problem[];
  /** Documents that had to be parsed in full because the line scan did not hold (not in canonical form). */
  parsedInFull: string[];
  /** Documents compared by the clause-chunk fast path. */
  fastPath: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array, path: string, problems: Problem[]): string | null {
  try {
    const text = utf8.decode(bytes);
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } catch {
    problems.push(problem(path, 1, 1, 'File is not valid UTF-8: expected UTF-8 Markdown', 'read'));
    return null;
  }
}

const asBuffer = (a: Uint8Array): Buffer => (Buffer.isBuffer(a) ? a : Buffer.from(a.buffer, a.byteOffset, a.byteLength));

/** The front matter alone (for documents that did not change: nothing else is needed). */
function frontMatterOnly(source: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/.exec(source);
  return m ? m[0] : source;
}

interface Loaded {
  doc: SecDocument;
  source: string;
  /** Whether the blocks came from the line scan (and so need checking against the parse). */
  scanned: boolean;
}

function load(source: string, path: string, problems: Problem[]): Loaded | null {
  // Control characters are refused in what is compared; the fast path hands a text that has any over to here.
  const bad = findControlChars(source);
  if (bad.length) {
    for (const c of bad) problems.push(problem(path, c.line, c.column, controlCharMessage(c.code), 'control-character'));
    return null;
  }
  const scan = scanDocument(source, path);
  if (scan.doc && !scan.problems.some((p) => p.severity === 'error')) return { doc: scan.doc, source, scanned: true };
  return parseFully(source, path, problems);
}

function parseFully(source: string, path: string, problems: Problem[]): Loaded | null {
  // The fallback: readDocument still takes the scan when it provably agrees, and refuses a huge non-canonical file.
  const parsed = readDocument(source, path);
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (!parsed.doc || errors.length) {
    pushAll(problems, errors);
    if (!errors.length) problems.push(problem(path, 1, 1, 'Cannot read this file as a SEC document', 'read'));
    return null;
  }
  return { doc: parsed.doc, source, scanned: false };
}

export function diffTrees(oldTree: TreeReader, newTree: TreeReader, options: TreeDiffOptions = {}): TreeDiffResult {
  const problems: Problem[] = [];
  const parsedInFull: string[] = [];
  const fastPath: string[] = [];
  const context = options.context ?? Infinity;
  const verify = options.verify ?? true;
  const oldFiles = new Map(oldTree.list().map((f) => [f.key, f]));
  const newFiles = new Map(newTree.list().map((f) => [f.key, f]));
  const keys = [...new Set([...oldFiles.keys(), ...newFiles.keys()])].sort();
  const documents: DocumentRedline[] = [];

  const readSide = (tree: TreeReader, file: TreeFile | undefined): Uint8Array | null | 'failed' => {
    if (!file) return null;
    try {
      return tree.read(file);
    } catch (err) {
      problems.push(problem(file.path, 1, 1, `Cannot read: ${err instanceof Error ? err.message : String(err)}`, 'read'));
      return 'failed';
    }
  };

  for (const key of keys) {
    const oldFile = oldFiles.get(key);
    const newFile = newFiles.get(key);
    const oldBytes = readSide(oldTree, oldFile);
    const newBytes = readSide(newTree, newFile);
    if (oldBytes === 'failed' || newBytes === 'failed') continue;
    const displayPath = (newFile ?? oldFile)!.path;

    if (oldBytes && newBytes && asBuffer(oldBytes).equals(asBuffer(newBytes))) {
      const source = decode(newBytes, newFile!.path, problems);
      if (source === null) continue;
      const head = scanDocument(frontMatterOnly(source), newFile!.path);
      if (!head.doc) {
        pushAll(problems, head.problems);
        continue;
      }
      // Identical bytes: nothing to align, and the clauses are left out (no renderer shows an unchanged
      // document; listing 50,000 unchanged clauses would cost memory for nothing).
      const meta = head.doc.meta;
      documents.push({ meta, file: fileBaseName(displayPath), oldVersion: meta.version, newVersion: meta.version, status: 'unchanged', clauses: [] });
      continue;
    }

    if (oldBytes && newBytes && (options.fast ?? true) && isUtf8(oldBytes) && isUtf8(newBytes)) {
      const fast = diffDocumentBytes(asBuffer(oldBytes), asBuffer(newBytes), displayPath, { detectMoves: options.detectMoves ?? true, context, verify });
      if (fast) {
        fastPath.push(displayPath);
        documents.push(fast);
        continue;
      }
    }

    const oldSource = oldBytes ? decode(oldBytes, oldFile!.path, problems) : null;
    const newSource = newBytes ? decode(newBytes, newFile!.path, problems) : null;
    if ((oldBytes && oldSource === null) || (newBytes && newSource === null)) continue;
    let oldLoaded = oldSource !== null ? load(oldSource, oldFile!.path, problems) : null;
    let newLoaded = newSource !== null ? load(newSource, newFile!.path, problems) : null;
    if ((oldSource !== null && !oldLoaded) || (newSource !== null && !newLoaded)) continue;

    let redline = buildDocumentRedline(oldLoaded?.doc ?? null, newLoaded?.doc ?? null, displayPath, options);
    if (verify) {
      const oldOk = !oldLoaded?.scanned || changedClausesAgree(oldLoaded, changedClauseIds(redline, 'old'));
      const newOk = !newLoaded?.scanned || changedClausesAgree(newLoaded, changedClauseIds(redline, 'new'));
      if (!oldOk || !newOk) {
        // Not canonical Markdown: the line scan cannot be trusted for this document; use the full parse.
        if (oldLoaded && !oldOk) oldLoaded = parseFully(oldLoaded.source, oldFile!.path, problems);
        if (newLoaded && !newOk) newLoaded = parseFully(newLoaded.source, newFile!.path, problems);
        if ((oldSource !== null && !oldLoaded) || (newSource !== null && !newLoaded)) continue;
        parsedInFull.push(displayPath);
        redline = buildDocumentRedline(oldLoaded?.doc ?? null, newLoaded?.doc ?? null, displayPath, options);
      }
    }
    documents.push(keepContext(redline, context));
  }
  return { redline: { documents: sortDocuments(documents) }, problems, parsedInFull, fastPath };
}

/** IDs of the clauses on one side that the redline shows as changed in any way. */
function changedClauseIds(doc: DocumentRedline, side: 'old' | 'new'): Set<string> {
  const ids = new Set<string>();
  for (const c of doc.clauses) {
    if (c.status === 'unchanged') continue;
    if (side === 'new' && c.status !== 'deleted') ids.add(c.id);
    if (side === 'old' && c.status !== 'inserted') ids.add(c.oldId ?? c.id);
  }
  return ids;
}

/** Whether the line scan of a whole document agrees with the remark parse on the given clauses. */
function changedClausesAgree(loaded: Loaded, clauseIds: ReadonlySet<string>): boolean {
  if (clauseIds.size === 0) return true;
  const lines = loaded.source.split('\n');
  const groups = groupClauses(loaded.doc.blocks);
  const firstLine = loaded.doc.blocks[0]?.line ?? lines.length + 1;
  const sources = new Map<ClauseGroup, string>();
  groups.forEach((g, i) => {
    if (!clauseIds.has(g.id)) return;
    const next = groups[i + 1]?.blocks[0]!.line ?? lines.length + 1;
    sources.set(g, lines.slice(g.blocks[0]!.line - 1, next - 1).join('\n'));
  });
  const frontMatter = lines.slice(0, firstLine - 1).join('\n').replace(/\s*$/, '\n');
  return clausesParseAgree(frontMatter, [...sources.keys()], (g) => sources.get(g)!, loaded.doc.file);
}

