// Body records → SEC Markdown lines (one block a line, as docs/format.md has them). Which block a paragraph
// becomes: a heading by its style or outline level; a clause when its text — with the number Word's numbering
// shows in front — starts with a clause number; a sub-paragraph when it starts with a label, its depth taken from
// the label's kind ((a) → 1, (i) → 2, (A) → 3, (I) → 4), never from Word's list level; an unlabelled bullet a
// '- ' item; a further paragraph of an item (blank list label, or indented under it) a continuation paragraph;
// else a paragraph. Footnotes are written as definitions at the end. What SEC Markdown cannot hold (images, text
// boxes, equations, endnotes) is kept as a marked paragraph at the end of its clause and reported with its place.

import type { DocMeta } from '../model/types.js';
import { LEVEL_STYLES, labelIndex, leadingLabel, leadingNumber, type LabelStyle } from '../model/numbering.js';
import { NOT_USED, isNotUsed } from '../model/conventions.js';
import { escapeCellPipes, rowLine, delimiterCell } from '../model/table-syntax.js';
import { inlineMarkdown, normalizeSegments, segmentsText } from './inline.js';
import type { Aside, BodyRecord, FootnoteRecord, ParaRecord, Segment } from './types.js';

export interface MapWarning {
  /** Paragraph number in the Word body (1-based). */
  index: number;
  message: string;
}

export interface MapResult {
  lines: string[];
  warnings: MapWarning[];
  asides: number;
  footnotes: number;
  tocSkipped: number;
}

/** The first words of a paragraph, to say where something is. */
export function place(rec: ParaRecord): string {
  const words = segmentsText(normalizeSegments(rec.segments)).split(' ').slice(0, 6).join(' ');
  return words ? `paragraph ${rec.index} ('${words}${words.length < segmentsText(rec.segments).trim().length ? '…' : ''}')` : `paragraph ${rec.index}`;
}

/** Tracks the open sub-paragraph levels to tell (i) the letter from (i) the numeral. */
class SubLevels {
  private last: (number | undefined)[] = [];

  reset(): void {
    this.last = [];
  }

  depthOf(label: string): number {
    const candidates = LEVEL_STYLES.map((s, d) => ({ s, d: d + 1, i: labelIndex(s, label) })).filter((c) => c.i !== null) as { s: LabelStyle; d: number; i: number }[];
    if (candidates.length === 0) return 1;
    // Prefer the reading that continues an open level ((h) then (i) is a letter), then one that starts a
    // level ((i) after (a) is a numeral), then the first.
    const pick = candidates.find((c) => this.last[c.d] === c.i - 1) ?? candidates.find((c) => c.i === 1) ?? candidates[0]!;
    this.last[pick.d] = pick.i;
    this.last.length = pick.d + 1;
    return pick.d;
  }
}

function asideText(a: Aside): string {
  const name = a.what === 'footnote' || a.what === 'endnote' ? `${a.what} ${a.number ?? ''}`.trim() : a.what;
  return a.text ? `[import: ${name}] ${a.text}` : `[import: ${name}]`;
}

/**
 * The open sub-paragraph list: the depth of its last item and the indentation of each open level, so that an
 * indented paragraph after it can be placed under the item it continues.
 */
interface OpenList {
  depth: number;
  /** Indentation (twips) of the paragraph the list hangs from: a paragraph no deeper than it is not a continuation. */
  base: number;
  indents: (number | undefined)[];
}

/**
 * The depth of the list item a paragraph continues, or 0 when it is an ordinary paragraph: one numbered with a
 * list whose label shows nothing (pandoc and LibreOffice write a list item's further paragraphs so), or one
 * indented further than the text the list hangs from (as the renderer and most hand-made documents do).
 */
/**
 * Whether a list label shows anything: pandoc's further paragraphs of a list item have a blank bullet (' '), which
 * LibreOffice rewrites as U+F020, a space in the Symbol font's private-use range.
 */
function blankLabel(rec: ParaRecord): boolean {
  const text = rec.label?.text ?? '';
  return text.replace(/[\uf000-\uf0ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xf000)).trim() === '';
}

/** A bullet character typed at the start of a paragraph, then a space (a tab, once normalised). */
const TYPED_BULLET = /^[\u2022\u00b7\u25aa\u25e6\u2023\u2219] /;

/** A typed bullet's depth: one below the deepest open item indented less than it, the level of one indented alike. */
function typedBulletDepth(rec: ParaRecord, list: OpenList | null): number {
  if (!list || list.depth === 0) return 1;
  if (rec.indent === undefined) return list.depth;
  for (let d = list.depth; d >= 1; d--) {
    const at = list.indents[d];
    if (at === undefined) continue;
    if (rec.indent === at) return d;
    if (rec.indent > at) return d + 1;
  }
  return 1;
}

/** The segments without their first `n` characters (a typed bullet and its space). */
function dropPrefix(segs: readonly Segment[], n: number): Segment[] {
  const out: Segment[] = [];
  let left = n;
  for (const s of segs) {
    if (left > 0 && !s.br && s.note === undefined) {
      const cut = Math.min(left, s.text.length);
      left -= cut;
      if (cut < s.text.length) out.push({ ...s, text: s.text.slice(cut) });
      continue;
    }
    out.push(s);
  }
  return out;
}

function continuationDepth(rec: ParaRecord, list: OpenList | null): number {
  if (!list || list.depth === 0) return 0;
  if (rec.listLevel !== undefined && blankLabel(rec)) return Math.min(list.depth, rec.listLevel + 1);
  if (rec.indent === undefined || rec.indent <= list.base) return 0;
  let known = false;
  for (let d = list.depth; d >= 1; d--) {
    const at = list.indents[d];
    if (at === undefined) continue;
    known = true;
    if (rec.indent >= at) return d;
  }
  // Indented, but less than any open item's text: not under one of them.
  return known ? 0 : list.depth;
}

export function mapBody(records: readonly BodyRecord[], meta: DocMeta, titlePage: ReadonlySet<ParaRecord>, notes: readonly FootnoteRecord[] = []): MapResult {
  const lines: string[] = [];
  const warnings: MapWarning[] = [];
  const subs = new SubLevels();
  let pending: string[] = []; // marked paragraphs waiting for the end of their clause
  let inList = false;
  let list: OpenList | null = null;
  let lastIndent = 0; // indentation of the last paragraph outside a list: what a list hangs from
  // SEC Markdown's top headings are '##' (a part: '## G3 …'); a writer that makes parts Heading 1 is shifted.
  let shallowest = 9;
  for (const r of records) if (r.kind === 'p' && r.headingLevel !== null && !titlePage.has(r) && !r.isToc) shallowest = Math.min(shallowest, r.headingLevel);
  const shift = shallowest === 1 ? 1 : 0;
  let partDepth = 2; // depth of the last part heading ('## G3', '## 2'): cross-headings sit one below it
  let asides = 0;
  let footnotes = 0;
  let tocSkipped = 0;

  const emit = (line: string, list: boolean): void => {
    if (lines.length && !(list && inList)) lines.push('');
    lines.push(line);
    inList = list;
  };
  const flush = (): void => {
    for (const p of pending) emit(p, false);
    pending = [];
  };
  const noteAsides = (rec: ParaRecord): void => {
    for (const a of rec.asides) {
      asides++;
      if (a.what === 'endnote') footnotes++;
      const why =
        a.what === 'footnote' || a.what === 'endnote'
          ? `${a.what} ${a.number ?? ''} kept as a marked paragraph at the end of its clause (SEC Markdown has footnotes, not endnotes)`
          : `${a.what === 'image' ? 'an image' : a.what === 'equation' ? 'an equation' : a.what === 'embedded object' ? 'an embedded object' : `a ${a.what}`} cannot be placed in SEC Markdown: kept as a marked paragraph at the end of its clause`;
      warnings.push({ index: rec.index, message: `${place(rec)}: ${why}` });
      const md = inlineMarkdown('', [{ text: asideText(a), bold: false, italic: false, code: false }]);
      pending.push(md);
    }
  };

  const paragraph = (rec: ParaRecord): void => {
    if (rec.isToc) {
      tocSkipped++;
      return;
    }
    const segs = normalizeSegments(rec.segments);
    const text = segmentsText(segs);
    if (titlePage.has(rec)) return;
    const bullet = rec.label?.format === 'bullet';
    const number = rec.label && !bullet ? clauseLabel(meta, rec.label.text.trim(), rec.headingLevel !== null) : '';
    if (text === '' && number && leadingNumber(meta, number, false) === number) {
      // A clause number with nothing after it: Word shows the number, so it stays (check will report it).
      flush();
      subs.reset();
      list = null;
      warnings.push({ index: rec.index, message: `paragraph ${rec.index}: clause ${number} has no text` });
      emit(number, false);
      noteAsides(rec);
      return;
    }
    if (text === '' && rec.asides.length === 0) return; // empty paragraphs (pandoc's around nested lists among them)
    const full = number ? `${number} ${text}` : text;
    if (rec.headingLevel === null && !number && (rec.isCrossHeading || isCrossHeading(segs, text, meta)) && text !== '') {
      // A short all-bold line between clauses is how many Word documents set a cross-heading.
      flush();
      subs.reset();
      list = null;
      emit(`${'#'.repeat(Math.min(6, partDepth + 1))} ${inlineMarkdown('', segs.map((s) => ({ ...s, bold: false, italic: false })))}`, false);
    } else if (rec.headingLevel !== null && text !== '') {
      const depth = Math.min(6, rec.headingLevel + shift);
      const label = leadingNumber(meta, full, true);
      if (label && !label.includes('.')) partDepth = depth;
      flush();
      subs.reset();
      list = null;
      emit(`${'#'.repeat(depth)} ${inlineMarkdown(number, notUsed(meta, full, number, segs))}`, false);
    } else if (text !== '') {
      const label = leadingLabel(full);
      const clause = leadingNumber(meta, full, false);
      // A bullet typed in the text ('•' and a tab, as the renderer writes an unlabelled bullet) is one too.
      const typed = !label && !clause && !rec.label ? TYPED_BULLET.exec(text) : null;
      const continued = !label && !clause && !typed ? continuationDepth(rec, list) : 0;
      if (label || (bullet && !blankLabel(rec)) || typed) {
        // A labelled item takes its depth from the label; an unlabelled bullet from its list level or its
        // indentation, at most one below the open list.
        const depth = label ? subs.depthOf(label) : typed ? typedBulletDepth(rec, list) : Math.max(1, Math.min((rec.listLevel ?? 0) + 1, (list?.depth ?? 0) + 1));
        if (!list) list = { depth: 0, base: lastIndent, indents: [] };
        list.depth = depth;
        list.indents[depth] = rec.indent;
        list.indents.length = depth + 1;
        emit(`${'  '.repeat(depth - 1)}- ${label ? inlineMarkdown(number, segs) : inlineMarkdown('', typed ? dropPrefix(segs, typed[0].length) : segs)}`, true);
      } else if (continued > 0 && list) {
        // A further paragraph of a list item: indented to the item's text, as fmt writes it ('H9.3(b)/p1').
        list.depth = continued;
        emit(`${'  '.repeat(continued)}${inlineMarkdown(number, segs)}`, false);
      } else if (clause) {
        flush();
        subs.reset();
        list = null;
        lastIndent = rec.indent ?? 0;
        emit(inlineMarkdown(number, notUsed(meta, full, number, segs)), false);
      } else {
        if (number && !bullet) {
          warnings.push({ index: rec.index, message: `${place(rec)}: Word numbers it '${number}', which is not a SEC clause number or sub-paragraph label: kept as a paragraph starting with that number` });
        }
        subs.reset();
        list = null;
        lastIndent = rec.indent ?? 0;
        emit(inlineMarkdown(number, segs), false);
      }
    }
    noteAsides(rec);
  };

  for (const r of records) {
    if (r.kind === 'p') {
      paragraph(r);
      continue;
    }
    const rows = r.rows.filter((row) => row.length > 0);
    if (rows.length === 0) continue;
    const width = Math.max(...rows.map((row) => row.length));
    const cellsOf = (row: ParaRecord[][]): string[] => {
      const cells = row.map((paras) => {
        const segs: Segment[] = [];
        for (const p of paras) {
          const own = normalizeSegments(p.segments);
          const number = p.label && p.label.format !== 'bullet' ? p.label.text.trim() : '';
          if (own.length === 0 && !number) continue;
          if (segs.length) segs.push({ text: '', bold: false, italic: false, code: false, br: true });
          if (number) segs.push({ text: `${number} `, bold: false, italic: false, code: false });
          segs.push(...own);
        }
        for (const p of paras) noteAsides(p);
        return escapeCellPipes(inlineMarkdown('', segs));
      });
      while (cells.length < width) cells.push('');
      return cells;
    };
    const [head, ...body] = rows;
    const headCells = cellsOf(head!);
    subs.reset();
    list = null;
    emit(rowLine(headCells), false);
    lines.push(rowLine(headCells.map(() => delimiterCell(null))));
    for (const row of body) lines.push(rowLine(cellsOf(row)));
    inList = false;
  }
  flush();
  // Footnote definitions last, in the order of their first reference, as fmt writes them.
  for (const n of notes) {
    footnotes++;
    const text = inlineMarkdown('', n.segments);
    emit(text ? `[^${n.number}]: ${text}` : `[^${n.number}]:`, false);
  }
  return { lines, warnings, asides, footnotes, tocSkipped };
}

/** A generated number with a closing full stop ('3.1.' from lvlText '%1.%2.') is the clause number without it. */
function clauseLabel(meta: DocMeta, label: string, heading: boolean): string {
  if (!label.endsWith('.') || label.length < 2) return label;
  const stem = label.slice(0, -1);
  return leadingNumber(meta, stem, true) === stem && (heading || stem.includes('.')) ? stem : label;
}

/**
 * A cross-heading set as a paragraph: every segment bold, at most twelve words, no closing punctuation, no
 * number or label, not 'Not used'.
 */
function isCrossHeading(segs: readonly Segment[], text: string, meta: DocMeta): boolean {
  if (text === '' || segs.some((s) => s.br || !s.bold || s.href !== undefined)) return false;
  if (text.split(' ').length > 12 || /[.;:,]$/.test(text) || isNotUsed(text)) return false;
  return !leadingLabel(text) && !leadingNumber(meta, text, true);
}

/** A clause or heading whose text is any spelling of 'Not used' gets the canonical one. */
function notUsed(meta: DocMeta, full: string, number: string, segs: Segment[]): Segment[] {
  const typed = number ? '' : leadingNumber(meta, full, true) ?? '';
  const rest = full.slice((number || typed).length).trim();
  // Emphasis on a 'Not used' (a character style some writers give it) is dropped with the spelling.
  if (rest && isNotUsed(rest)) {
    const seg = { text: typed ? `${typed} ${NOT_USED}` : NOT_USED, bold: false, italic: false, code: false };
    return [seg];
  }
  return segs;
}
