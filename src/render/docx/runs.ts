// Runs of WordprocessingML for the three modes, and the revision counter that keeps every w:id unique.
//
// visual:  insertions double-underlined in blue, deletions struck through in red — ordinary formatting, so
//          the annex looks the same in every reader whatever its revision settings.
// tracked: real revisions: w:ins around inserted runs, w:del around deleted runs whose text is in
//          w:delText (never w:t), each with a unique w:id, the author role and the fixed date.
// clean:   the conformed text: deleted runs left out, inserted runs plain.

import type { SpanOp } from '../../redline/types.js';
import type { InlineFormat } from '../inline-markdown.js';
import { CODE_FONT } from './styles.js';
import { run, type Inline, type Revision, type RunPiece, type RunProps } from './records.js';

export type DocxMode = 'visual' | 'tracked' | 'clean';

export { INSERT_COLOUR, DELETE_COLOUR } from './styles.js';

/**
 * Hands out Revision records (w:id 1, 2, … in the order they are made; author; date). In a release each revision
 * is authored by the role qualified with the modification its items belong to ('SECAS (MP250)'), so Word's
 * reviewer filter shows one modification at a time; `modificationOf` maps an item to its modification.
 */
export class Revisions {
  private next = 1;
  constructor(
    readonly author: string,
    readonly date: string | null,
    private readonly modificationOf: (item: string) => string | null = () => null,
  ) {}

  /** The author of a revision made by `items`: 'SECAS', or 'SECAS (MP250)' / 'SECAS (MP250, MP260)'. */
  authorOf(items: readonly string[] = []): string {
    const mods = [...new Set(items.map(this.modificationOf).filter((m): m is string => m !== null))];
    return mods.length === 0 ? this.author : `${this.author} (${mods.join(', ')})`;
  }

  /** The next revision (w:id 1, 2, …): its author from `items`, the fixed date (none when undated). */
  revision(kind: 'ins' | 'del', items: readonly string[] = []): Revision {
    return { kind, id: this.next++, author: this.authorOf(items), date: this.date };
  }

  get count(): number {
    return this.next - 1;
  }
}

export interface RunContext {
  mode: DocxMode;
  rev: Revisions;
}

export interface RunSpec {
  op: SpanOp;
  text: string;
  fmt?: InlineFormat;
  /** A character style ('ItemTag'). */
  style?: string;
  /** Furniture (item tags) never gets the visual change colours. */
  furniture?: boolean;
  /** The change-log items behind an insertion or deletion: they name the revision's author in a release. */
  items?: readonly string[];
}

function runProps(spec: RunSpec, mode: DocxMode): RunProps | undefined {
  const fmt = spec.fmt ?? {};
  const visualIns = mode === 'visual' && !spec.furniture && spec.op === 'insert';
  const visualDel = mode === 'visual' && !spec.furniture && spec.op === 'delete';
  // Visual marks are the character styles 'Inserted Text' / 'Deleted Text', so a reader can restyle them.
  const style = spec.style ?? (visualIns ? 'InsertedText' : visualDel ? 'DeletedText' : fmt.code ? 'CodeChar' : undefined);
  if (!style && !fmt.code && !fmt.strong && !fmt.em && !fmt.strike) return undefined;
  const p: RunProps = {};
  if (style) p.style = style;
  if (fmt.code && style !== 'CodeChar') p.font = CODE_FONT;
  if (fmt.strong) p.bold = true;
  if (fmt.em) p.italic = true;
  if (fmt.strike) p.strike = true;
  return Object.keys(p).length === 0 ? undefined : p;
}

/** Text content of a run: w:t (or w:delText) pieces, w:br for line breaks, w:tab for tabs. */
export function textPieces(text: string, deleted = false): RunPiece[] {
  // Nearly every run is one piece of text.
  if (!text.includes('\n') && !text.includes('\t')) return text === '' ? [] : [deleted ? { kind: 'text', text, deleted } : { kind: 'text', text }];
  const out: RunPiece[] = [];
  for (const piece of text.split(/(\n|\t)/)) {
    if (piece === '') continue;
    if (piece === '\n') out.push({ kind: 'br' });
    else if (piece === '\t') out.push({ kind: 'tab' });
    else out.push(deleted ? { kind: 'text', text: piece, deleted } : { kind: 'text', text: piece });
  }
  return out;
}

/** The run of a span in the context's mode: none for an empty text or for a deletion in a clean copy. */
export function textRuns(spec: RunSpec, ctx: RunContext): Inline[] {
  if (spec.text === '') return [];
  const { mode, rev } = ctx;
  if (mode === 'clean') {
    if (spec.op === 'delete') return [];
    return [run(textPieces(spec.text), runProps({ ...spec, op: 'equal' }, mode))];
  }
  if (mode === 'visual' || spec.op === 'equal') {
    return [run(textPieces(spec.text), runProps(spec, mode))];
  }
  const deleted = spec.op === 'delete';
  return [run(textPieces(spec.text, deleted), runProps(spec, mode), rev.revision(deleted ? 'del' : 'ins', spec.items))];
}

/** Plain furniture text (instructions, headings, notes): never a revision. */
export function plainRuns(text: string, style?: string): Inline[] {
  if (text === '') return [];
  return [run(textPieces(text), style ? { style } : undefined)];
}
