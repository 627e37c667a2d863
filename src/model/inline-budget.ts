// The Markdown parser's emphasis resolution is quadratic in the number of '*' and '_' runs of one paragraph:
// `*a_` repeated 4,000 times (12 KB) takes 7 s, 8,000 times 26 s, 50,000 times hours. Before the full parse a
// document is checked block by block; a block with more runs than any real clause is refused with its line,
// so `check` answers in bounded time whatever the file holds. (The line scan of canonical files has no such
// cost; it hands blocks outside the inline grammar to the parser one at a time (block-trust.ts), which goes
// through here too.)

/** Most '*'/'_' runs one paragraph, list or table row may hold (≈0.4 s of parsing at worst). */
export const MAX_DELIMITER_RUNS = 2000;
/** Most parser work a document may need, as the sum over its blocks of runs² (≈3 s at worst). */
export const MAX_DELIMITER_WORK = 30_000_000;

export interface InlineOverrun {
  /** 1-based line of the body where the block starts. */
  line: number;
  runs: number;
  message: string;
}

const RUN = /[*_]+/g;

/** The first block of `body` that would make the parse too slow, or null. */
export function inlineOverrun(body: string): InlineOverrun | null {
  const lines = body.split('\n');
  let work = 0;
  let start = 0;
  let runs = 0;
  const close = (): InlineOverrun | null => {
    work += runs * runs;
    const per = runs > MAX_DELIMITER_RUNS;
    if (per || work > MAX_DELIMITER_WORK) {
      const message = per
        ? `This block has ${runs} runs of '*' or '_' (the limit is ${MAX_DELIMITER_RUNS}): escape literal ones as \\* and \\_, or split the block`
        : `The document has too many '*' and '_' runs for the Markdown parser (from this block on): escape literal ones as \\* and \\_, or split the document`;
      return { line: start + 1, runs, message };
    }
    runs = 0;
    return null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const blank = line.trim() === '';
    // A table row is parsed on its own; other blocks run from one blank line to the next.
    const row = line.trimStart().startsWith('|');
    if (blank || row) {
      const over = close();
      if (over) return over;
      start = i + 1;
      if (blank) continue;
    }
    RUN.lastIndex = 0;
    while (RUN.exec(line)) runs++;
    if (row) {
      start = i;
      const over = close();
      if (over) return over;
      start = i + 1;
    }
  }
  return close();
}
