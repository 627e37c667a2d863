// Types for bench/corpus.js (plain JavaScript so `npm run bench` needs no build step for it).

export interface CorpusClause {
  number: string;
  chunks: string[];
  crossHeading?: string;
}

export interface CorpusDocument {
  kind: 'section' | 'schedule' | 'appendix';
  code: string;
  title: string;
  version: string;
  parts: { heading: string; prefix: string; clauses: CorpusClause[] }[];
}

export interface EditCounts {
  edited: number;
  inserted: number;
  deleted: number;
  moved: number;
  renumbered: number;
}

export function prng(seed: number): { next(): number; int(lo: number, hi: number): number; pick<T>(xs: readonly T[]): T; chance(p: number): boolean };
/** `rich`: the inline Markdown of real SEC text (code spans, emphasis, bold terms, `<br>` limbs in cells). */
export function generateCorpus(options: { clauses: number; seed?: number; rich?: boolean }): CorpusDocument[];
export function editCorpus(corpus: readonly CorpusDocument[], options?: { seed?: number; moves?: number; renumbers?: number; rich?: boolean; sound?: boolean }): { corpus: CorpusDocument[]; done: EditCounts };
export function fileName(doc: CorpusDocument): string;
export function serialize(doc: CorpusDocument): string;

/** A random sentence of `words` words (amounts and dates among them), starting with a capital, ending with '.'. */
export function sentence(r: ReturnType<typeof prng>, words: number): string;
/** A sub-paragraph's text: lower-case start, ending with ';'. */
export function subText(r: ReturnType<typeof prng>): string;
