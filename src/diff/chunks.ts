// Cuts the bytes of a canonical document into clause chunks without decoding or scanning the whole text:
// the cheapest pass that still knows every clause's ID, so two versions of the SEC can be compared clause by
// clause with a memcmp and only the clauses that differ are ever scanned into blocks.
//
// A clause starts at a heading line or a numbered clause line (docs/format.md, 'Clauses'); only lines whose
// first byte could start one are decoded (a few bytes of them), and the decision is the line scanner's own
// classifyLine, so chunks and scanDocument agree on where clauses start. IDs follow identifyBlocks: a
// numbered block is its own anchor; an unnumbered heading is '<anchor>/heading<n>'.

import type { DocMeta, Problem } from '../model/types.js';
import { classifyLine, scanDocument } from '../model/scan.js';
import { idPrefix } from '../model/identify.js';
import { docId } from '../model/doc-ref.js';
import { scopeName } from '../model/scope.js';

export interface Chunk {
  /** The clause ID; null for text before the first heading or numbered clause (known only after a scan). */
  id: string | null;
  /** Byte range of the clause's lines, blank lines after it included. */
  start: number;
  end: number;
  /** 1-based line of the first line. */
  line: number;
  /** Whether the clause starts with a numbered block (which resets every implicit ID counter). */
  numbered: boolean;
  /**
   * Index of the chunk a scan must start at for this chunk's IDs to come out right (its own index when
   * numbered; the anchor's for a cross-heading), or -1 for the start of the body.
   */
  scanFrom: number;
}

export interface ChunkedDocument {
  meta: DocMeta;
  /** The front matter exactly as written, with its closing '---' line and line break. */
  frontMatter: string;
  frontMatterLines: number;
  bodyStart: number;
  bodyLine: number;
  chunks: Chunk[];
  /** Whether two chunks share an ID (the document is broken; callers fall back to the full path). */
  duplicateIds: boolean;
}

const NL = 10;
const CR = 13;
const HASH = 0x23;
/** Bytes decoded from the start of a candidate line: enough for a heading's hashes, any clause number and the space after it. */
const HEAD_BYTES = 48;

/** Whether the line at `pos` (ending at `end`, the '\n' or the end of the buffer) is exactly '---'. */
function isFence(buf: Buffer, pos: number, end: number): boolean {
  const len = end > pos && buf[end - 1] === CR ? end - 1 - pos : end - pos;
  return len === 3 && buf[pos] === 0x2d && buf[pos + 1] === 0x2d && buf[pos + 2] === 0x2d;
}

/** The byte offset just after the front matter's closing '---' line, or -1. */
function frontMatterEnd(buf: Buffer, from: number): number {
  let pos = from;
  for (let i = 0; pos < buf.length; i++) {
    const nl = buf.indexOf(NL, pos);
    const end = nl < 0 ? buf.length : nl;
    if (isFence(buf, pos, end)) {
      if (i > 0) return nl < 0 ? buf.length : nl + 1;
    } else if (i === 0) return -1;
    if (nl < 0) break;
    pos = nl + 1;
  }
  return -1;
}

export function chunkDocument(buf: Buffer, file: string): { doc: ChunkedDocument | null; problems: Problem[] } {
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const fmEnd = frontMatterEnd(buf, bom);
  const frontMatter = buf.toString('utf8', bom, fmEnd < 0 ? Math.min(buf.length, 4096) : fmEnd);
  const head = scanDocument(frontMatter, file);
  if (!head.doc || fmEnd < 0) return { doc: null, problems: head.problems };
  const meta = head.doc.meta;
  let prefix = idPrefix(meta);
  const scopes = new Set<string>();
  const documentId = docId(meta);
  // A numbered clause line starts with the section letter (Sections) or a digit (Appendices, Schedules).
  const firstByte = meta.kind === 'section' ? meta.code.charCodeAt(0) : -1;
  const frontMatterLines = frontMatter.split('\n').length - (frontMatter.endsWith('\n') ? 1 : 0);

  const chunks: Chunk[] = [];
  const seen = new Set<string>();
  let duplicateIds = false;
  let anchor = -1; // index of the chunk of the nearest numbered block
  let anchorId = documentId;
  let headings = 0;
  let line = frontMatterLines + 1;
  let pos = fmEnd;
  const open = (id: string | null, start: number, numbered: boolean, scanFrom: number): void => {
    if (chunks.length) chunks[chunks.length - 1]!.end = start;
    if (id !== null) {
      if (seen.has(id)) duplicateIds = true;
      seen.add(id);
    }
    chunks.push({ id, start, end: buf.length, line, numbered, scanFrom });
  };
  while (pos < buf.length) {
    const nl = buf.indexOf(NL, pos);
    const end = nl < 0 ? buf.length : nl;
    const b = buf[pos]!;
    // Only a heading or a line starting like a clause number ('G3', '3.8') can start a clause; most lines of
    // a document are never decoded.
    const digitAt = firstByte >= 0 ? (b === firstByte ? pos + 1 : -1) : pos;
    const d = digitAt >= 0 && digitAt < end ? buf[digitAt]! : 0;
    if (b === HASH || (d >= 0x30 && d <= 0x39)) {
      let text = buf.toString('utf8', pos, Math.min(end, pos + HEAD_BYTES));
      if (text.endsWith('\r')) text = text.slice(0, -1);
      const block = classifyLine(meta, text, line);
      const numbered = block.label !== '' && (block.kind === 'heading' || block.kind === 'clause');
      if (numbered) {
        if (meta.kind === 'section') prefix = ''; // a Section's own number (the only kind seen here) ends a scope
        anchorId = prefix + block.label;
        headings = 0;
        open(anchorId, pos, true, chunks.length);
        anchor = chunks.length - 1;
      } else if (block.kind === 'heading' && scopeName(block.text, block.depth) !== null && !scopes.has(scopeName(block.text, block.depth)!)) {
        // An inner appendix (src/model/scope.ts): its heading is an anchor and its numbers carry its name.
        // (In a Section its clauses are numbered without the letter and are not seen here: the scan of such a
        // chunk then disagrees with the chunker, and the document takes the full path.)
        const name = scopeName(block.text, block.depth)!;
        scopes.add(name);
        anchorId = `${docId(meta)} ${name}`;
        prefix = `${anchorId} `;
        headings = 0;
        open(anchorId, pos, true, chunks.length);
        anchor = chunks.length - 1;
      } else if (block.kind === 'heading') {
        open(`${anchorId}/heading${++headings}`, pos, false, anchor);
      }
    }
    // Text before the first clause start is a chunk of its own.
    if (chunks.length === 0 && b !== NL && b !== CR) open(null, pos, false, -1);
    line++;
    pos = end + 1;
  }
  return {
    doc: { meta, frontMatter, frontMatterLines, bodyStart: fmEnd, bodyLine: frontMatterLines + 1, chunks, duplicateIds },
    problems: head.problems,
  };
}
