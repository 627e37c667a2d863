// One Word document → one SEC Markdown document in canonical form. Pure: bytes in, text and problems out.
// The Markdown is built line by line (map.ts), then read back through the model's own reader and serialized,
// so what import writes is exactly what `fmt` would write and every ID is computed in the one place.

import type { DocMeta, Problem, SecDocument } from '../model/types.js';
import { readDocument } from '../model/read-document.js';
import { serializeDocument } from '../model/serialize.js';
import { serializeFrontMatter } from '../model/front-matter.js';
import { isDefinitionsHeader } from '../model/conventions.js';
import { ProblemsError, problem } from '../util/errors.js';
import { openDocx, parsePart } from './package.js';
import { readStyles } from './styles.js';
import { NumberingEngine } from './numbering.js';
import { BodyReader } from './body.js';
import { child, children, type XmlElement } from './xml.js';
import { coreTitle, customProperties, decideMeta, type MetaHints } from './meta.js';
import { mapBody } from './map.js';
import { normalizeSegments, segmentsText } from './inline.js';
import type { BodyRecord, FootnoteRecord, ParaRecord, RevisionMark, TrackedMode } from './types.js';

export interface ImportOptions extends MetaHints {
  /** What to do with tracked changes: take them as accepted or rejected, or refuse (default). */
  tracked?: TrackedMode;
}

export interface ImportSummary {
  clauses: number;
  headings: number;
  subparagraphs: number;
  paragraphs: number;
  definitions: number;
  tables: number;
  footnotes: number;
  revisions: number;
  comments: number;
  warnings: number;
}

export interface ImportResult {
  doc: SecDocument;
  markdown: string;
  /** Warnings (severity 'warning'), each placed at `file:paragraph:1`. */
  problems: Problem[];
  /** What was guessed about the document's identity, for the user to confirm. */
  guesses: string[];
  summary: ImportSummary;
  /** The tracked revisions' authors and days, in document order (a redline's change log notes them). */
  revisionMarks: RevisionMark[];
}

function notes(root: XmlElement | undefined, name: string): Map<string, XmlElement> {
  const out = new Map<string, XmlElement>();
  for (const n of children(root, name)) {
    const id = n.attrs['w:id'];
    // Separator and continuation notes (negative or typed ids) are not content.
    if (id !== undefined && (n.attrs['w:type'] === undefined || n.attrs['w:type'] === 'normal')) out.set(id, n);
  }
  return out;
}

/** The first section-style clause number in the body ('G3.5'), to tell which Section an unlabelled file is. */
function firstSectionNumber(records: readonly BodyRecord[]): string | undefined {
  for (const r of records) {
    if (r.kind !== 'p') continue;
    const text = (r.label && r.label.format !== 'bullet' ? `${r.label.text} ` : '') + segmentsText(normalizeSegments(r.segments));
    const m = /^([A-X])\d+[A-Z]*(?:\.\d+[A-Z]*)+(?= |$)/.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

export interface WordBody {
  records: BodyRecord[];
  footnotes: FootnoteRecord[];
  revisions: number;
  revisionMarks: RevisionMark[];
  commentRefs: number;
  hiddenRuns: number;
  comments: number;
  numberingProblems: { index: number; message: string }[];
  unknownFormats: Set<string>;
  custom: Map<string, string>;
  coreTitle: string | undefined;
}

/** Reads a package's body into records (numbers computed) without mapping it: the numbering tests use this. */
export function readWordBody(bytes: Uint8Array, file: string, tracked: TrackedMode): WordBody {
  const pkg = openDocx(bytes, file);
  const stylesRoot = pkg.styles !== undefined ? parsePart(file, 'styles.xml', pkg.styles) : undefined;
  const styles = readStyles(stylesRoot);
  const numberingRoot = pkg.numbering !== undefined ? parsePart(file, 'numbering.xml', pkg.numbering) : undefined;
  const numbering = new NumberingEngine(numberingRoot, styles);
  const footnotes = notes(pkg.footnotes !== undefined ? parsePart(file, 'footnotes.xml', pkg.footnotes) : undefined, 'w:footnote');
  const endnotes = notes(pkg.endnotes !== undefined ? parsePart(file, 'endnotes.xml', pkg.endnotes) : undefined, 'w:endnote');
  const comments = pkg.comments !== undefined ? children(parsePart(file, 'comments.xml', pkg.comments), 'w:comment').length : 0;
  const numberingProblems: { index: number; message: string }[] = [];
  const reader = new BodyReader({ styles, numbering, rels: pkg.rels, tracked, footnotes, endnotes, numberingProblems, ...(pkg.footnoteRels ? { footnoteRels: pkg.footnoteRels } : {}) });
  const records: BodyRecord[] = [];
  let sawBody = false;
  // Stream the body: each paragraph or table is read as soon as it closes and its XML dropped.
  const root = parsePart(file, pkg.mainPath, pkg.main, {
    streamDepth: 3,
    onSubtree: (el) => {
      sawBody = true;
      reader.block(el, records);
    },
  });
  if (!sawBody && !child(root, 'w:body')) {
    throw new ProblemsError([problem(file, 1, 1, `The main document part '${pkg.mainPath}' has no w:body: not a Word document body`, 'import-part')]);
  }
  return {
    records,
    footnotes: reader.footnotes,
    revisions: reader.revisions,
    revisionMarks: reader.revisionMarks,
    commentRefs: reader.commentRefs,
    hiddenRuns: reader.hiddenRuns,
    comments,
    numberingProblems,
    unknownFormats: numbering.unknownFormats,
    custom: customProperties(pkg.custom !== undefined ? parsePart(file, 'custom.xml', pkg.custom) : undefined),
    coreTitle: coreTitle(pkg.core !== undefined ? parsePart(file, 'core.xml', pkg.core) : undefined),
  };
}

export function importDocx(bytes: Uint8Array, file: string, opts: ImportOptions = {}): ImportResult {
  const tracked = opts.tracked ?? 'refuse';
  const body = readWordBody(bytes, file, tracked);
  const { records, numberingProblems } = body;
  const problems: Problem[] = [];
  for (const p of numberingProblems) {
    problems.push(problem(file, p.index, 1, `Paragraph ${p.index}: ${p.message}; the numbering part is damaged — open and save the document again in Word or LibreOffice`, 'import-numbering'));
  }
  if (tracked === 'refuse' && body.revisions > 0) {
    problems.push(problem(file, 1, 1, `The document has ${body.revisions} tracked revision${body.revisions === 1 ? '' : 's'}: pass --tracked accept (the text with every change made) or --tracked reject (the text before them)`, 'import-tracked'));
  }
  if (problems.length) throw new ProblemsError(problems);

  const props = body.custom;
  const core = body.coreTitle;
  // The title page: the leading Title / Subtitle paragraphs (SEC documents: 'Smart Energy Code', the document's
  // display name, 'Version …'). They describe the document and are not part of its body.
  const titlePage = new Set<ParaRecord>();
  for (const r of records) {
    if (r.kind !== 'p' || !(r.isTitle || r.isToc || normalizeSegments(r.segments).length === 0)) break;
    if (r.isTitle) titlePage.add(r);
  }
  const titleTexts = [...titlePage].map((r) => segmentsText(normalizeSegments(r.segments)));
  const baseName = file.split(/[\\/]/).pop() ?? file;
  const decided = decideMeta(opts, props, core, titleTexts, baseName, firstSectionNumber(records));
  if (decided.errors.length) throw new ProblemsError(decided.errors.map((m) => problem(file, 1, 1, m, 'import-meta')));
  const meta: DocMeta = decided.meta;

  const mapped = mapBody(records, meta, titlePage, body.footnotes);
  for (const w of mapped.warnings) problems.push(problem(file, w.index, 1, w.message, 'import', 'warning'));
  for (const f of body.unknownFormats) {
    problems.push(problem(file, 1, 1, `Numbering format '${f}' is not one SEC documents use: its numbers are shown as decimals`, 'import-numbering', 'warning'));
  }
  if (body.hiddenRuns) problems.push(problem(file, 1, 1, `${body.hiddenRuns} run${body.hiddenRuns === 1 ? '' : 's'} of hidden text (w:vanish) left out: Word does not show ${body.hiddenRuns === 1 ? 'it' : 'them'}`, 'import', 'warning'));
  if (mapped.tocSkipped) problems.push(problem(file, 1, 1, `A table of contents (${mapped.tocSkipped} entries) was left out: it is generated from the headings`, 'import', 'warning'));
  const source = serializeFrontMatter(meta) + (mapped.lines.length ? `\n${mapped.lines.join('\n')}\n` : '');
  const read = readDocument(source, file);
  if (!read.doc) throw new ProblemsError(read.problems);
  // The model may still find something it cannot read in what import wrote (it should not): say so, keep going.
  for (const p of read.problems) problems.push({ ...p, severity: 'warning', message: `imported Markdown: ${p.message}` });
  const doc = read.doc;
  const markdown = serializeDocument(doc);

  if (!doc.blocks.some((b) => b.label !== '' && (b.kind === 'clause' || b.kind === 'heading'))) {
    problems.push(problem(file, 1, 1, `No SEC clause numbers found: the text was imported as unnumbered paragraphs (a SEC document numbers its clauses 'G3.5' or '3.8.17.1', typed or by Word numbering)`, 'import', 'warning'));
  }
  let definitions = 0;
  let defTable = false;
  for (const b of doc.blocks) {
    if (b.kind === 'table') defTable = isDefinitionsHeader(b.cells ?? []);
    else if (b.kind === 'row' && defTable) definitions++;
  }
  const count = (pred: (b: SecDocument['blocks'][number]) => boolean): number => doc.blocks.filter(pred).length;
  const summary: ImportSummary = {
    clauses: count((b) => b.kind === 'clause'),
    headings: count((b) => b.kind === 'heading'),
    subparagraphs: count((b) => b.kind === 'subpara'),
    paragraphs: count((b) => b.kind === 'paragraph'),
    definitions,
    tables: count((b) => b.kind === 'table'),
    footnotes: mapped.footnotes,
    revisions: body.revisions,
    comments: Math.max(body.comments, body.commentRefs),
    warnings: 0,
  };
  summary.warnings = problems.length;
  return { doc, markdown, problems, guesses: decided.guesses, summary, revisionMarks: body.revisionMarks };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function formatSummary(s: ImportSummary): string {
  const parts = [
    plural(s.clauses, 'clause'),
    plural(s.headings, 'heading'),
    plural(s.subparagraphs, 'sub-paragraph'),
    plural(s.paragraphs, 'paragraph'),
    plural(s.definitions, 'definition'),
    plural(s.tables, 'table'),
    plural(s.footnotes, 'footnote'),
  ];
  if (s.revisions) parts.push(`${plural(s.revisions, 'tracked revision')} resolved`);
  if (s.comments) parts.push(`${plural(s.comments, 'comment')} ignored`);
  parts.push(plural(s.warnings, 'warning'));
  return parts.join(', ');
}
