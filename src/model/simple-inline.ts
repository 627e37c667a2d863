// A conservative grammar of inline Markdown that is already canonical: plain text plus whole-word
// `*emphasis*`, `**strong**` and `code spans` (also inside brackets and quotes), `<br>` line breaks, plain
// bracketed words and footnote references; nothing nested, nothing escaped. For text in this grammar,
// remark-parse then remark-stringify gives back the same string (tests/model/simple-inline.test.ts checks it
// over generated text), so the fast path need not ask the parser. Anything outside it is left to remark.

// Whitespace the parser may normalise: every kind but the plain space (two spaces, or one at either end, are
// refused too), never inside a marked run or brackets either.
const ODD = String.raw`\t\n\r\v\f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`;

// Any character with inline meaning in CommonMark/GFM, or that remark-stringify may escape or encode, and odd
// whitespace. These tests run over every block of every document read: a character class and includes() are
// each one fast pass (V8 scans ~1 GB/s), where an alternation of patterns or a loop in JavaScript is 20× slower.
export const SPECIAL = new RegExp(String.raw`[\\\x60*_[\]<>&!~|#+=@${ODD}]`);
const SPECIAL_ALL = new RegExp(SPECIAL.source, 'g');
// A URL scheme or '://': a GFM autolink (looked for only where there is a ':').
const SCHEME = /(?:https?|mailto|xmpp):|:\/\//;

type Verdict = 'plain' | 'marked' | 'outside';

/**
 * 'outside' for two spaces or one at either end, or a GFM autolink trigger (remark escapes the '.' of any 'w.',
 * lest it start 'www.'); 'marked' when a special character (odd whitespace among them) needs a closer look;
 * else 'plain'.
 */
function classify(t: string): Verdict {
  const n = t.length;
  if (n === 0) return 'plain';
  if (t.charCodeAt(0) === 32 || t.charCodeAt(n - 1) === 32 || t.includes('  ')) return 'outside';
  if (t.includes('w.') || t.includes('W.') || (t.includes(':') && SCHEME.test(t))) return 'outside';
  return SPECIAL.test(t) ? 'marked' : 'plain';
}

// Text a marked run may hold: no special characters, no space at either end.
const INNER = String.raw`[^\\\x60*_[\]<>&!~|#+=@\s](?:[^\\\x60*_[\]<>&!~|#+=@${ODD}]*[^\\\x60*_[\]<>&!~|#+=@\s])?`;
// A run opens at the start, after a space, an opening bracket or quote ('(**AROs**)', '‘*Alert*’') or a line
// break in a cell, and closes before the end, a space, closing punctuation or a line break. Punctuation on the
// outer side keeps each delimiter flanking the way CommonMark needs (a letter on the inner side).
const LEAD = String.raw`(^| |[("'‘“]|<br>)`;
export const MARKED = new RegExp(String.raw`${LEAD}(?:\*\*${INNER}\*\*|\*${INNER}\*|\x60${INNER}\x60)(?=$| |[.,;:)?"'’”]|<br>)`, 'g');
// A line break inside a cell or a limb list ('means:<br>(a) …;<br>(b) …'): inline HTML, kept as written, never
// at either end of the text (where it could open an HTML block or be trimmed).
export const BREAK = /(?<=[^\s>])<br>(?=[^\s<])/g;
// Starts a parser reads as block syntax (or that a table row could take for its delimiter): '-', '+', '#', '>',
// '=', ':', an ordered-list number, '* ' or a '***' rule, or a GFM task box '[x] ' (a checkbox in a bullet).
// A strong or emphasised run at the start ('**Alert** means …', the key of every definitions row) is not one.
const BLOCK_START = /^(?:[-+#>=:]|\*(?:[ \t]|$)|(?:\*[ \t]*){3,}$|\d{1,9}[.)]|\[[ xX]\](?:[ \t]|$))/;

// Real brackets around plain words ('[TBC]', '[Not used]'): never a link without link definitions, and written
// so by fmt (inline.ts, PLAIN_BRACKETS). Nothing special inside; not followed by what would make a link.
export const BRACKETED = new RegExp(String.raw`(?<!^)\[[^\\\x60*_[\]<>&!~|#+=@^${ODD}](?:[^\\\x60*_[\]<>&!~|#+=@${ODD}]*)\](?![([])|^\[[^\\\x60*_[\]<>&!~|#+=@^${ODD}](?:[^\\\x60*_[\]<>&!~|#+=@${ODD}]*)\](?![([:])`, 'g');
// A footnote reference '[^1]': canonical only where the document defines footnote 1 (block-trust.ts checks).
export const FOOTNOTE_REF = /\[\^(\d+)\](?![([:])/g;

/**
 * Whether `text` is in the grammar. With `footnotes`, references '[^1]' count as plain too: the caller
 * vouches that the document defines them.
 */
export function isSimpleCanonicalInline(text: string, footnotes = false): boolean {
  return !BLOCK_START.test(text) && isSimpleInline(text, footnotes);
}

/**
 * The grammar without the rule about how a block may start: text read inline, after other text (a clause's text
 * after its number), where a leading '-' cannot open a list. What it shows, not whether it is canonical, for a
 * table cell: remark-stringify escapes a leading '-' or '1)' in a cell (block-trust.ts holds cells to the rule).
 */
export function isSimpleInline(text: string, footnotes = false): boolean {
  const verdict = classify(text);
  if (verdict !== 'marked') return verdict === 'plain';
  // Runs only (no brackets, no line breaks: most marked text): the runs are found but nothing is rebuilt.
  if (!text.includes('[') && !text.includes('<br>')) return !specialOutsideRuns(text);
  let rest = text;
  if (rest.includes('*') || rest.includes('`')) rest = rest.replace(MARKED, '$1x');
  if (rest.includes('[')) {
    rest = rest.replace(BRACKETED, 'x');
    if (footnotes) rest = rest.replace(FOOTNOTE_REF, 'x');
  }
  if (rest.includes('<br>')) rest = rest.replace(BREAK, 'x');
  // What is left has no special character (odd whitespace included: never inside a run or brackets either).
  return !SPECIAL.test(rest);
}

const RUNS = new RegExp(MARKED.source, 'g');

/**
 * Whether a special character stands outside every marked run, i.e. SPECIAL.test(text.replace(MARKED, '$1x'))
 * (the replaced text is the gaps between runs, each run's leading space or quote included, and an 'x' for each
 * run), found without building that text: the next special character after each run is the next run's opening
 * delimiter when the gap is clean (tests/model/simple-inline.test.ts holds the two equal).
 */
function specialOutsideRuns(text: string): boolean {
  RUNS.lastIndex = 0;
  let from = 0;
  for (let m = RUNS.exec(text); m !== null; m = RUNS.exec(text)) {
    if (specialBetween(text, from, m.index + m[1]!.length)) return true;
    from = RUNS.lastIndex;
  }
  return specialBetween(text, from, text.length);
}

function specialBetween(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  SPECIAL_ALL.lastIndex = from;
  const hit = SPECIAL_ALL.exec(text);
  return hit !== null && hit.index < to;
}

/**
 * What a reader sees of text in the simple grammar: the delimiters of its marked runs removed. Null when the
 * text is outside the grammar (ask remark). Saves a parse per bold definitions key.
 */
export function simplePlainText(text: string): string | null {
  // Read inline (plainText reads after a no-break space), so a leading '**' is emphasis, never a list.
  if (!isSimpleInline(text)) return null;
  const shown = text.replace(MARKED, (run: string, lead: string) => {
    const body = run.slice(lead.length);
    const d = body.startsWith('**') ? 2 : 1;
    return lead + body.slice(d, body.length - d);
  });
  // A line break shows as one (plain-text.ts reads the parser's <br> the same way).
  return shown.includes('<br>') ? shown.replace(/<br>/g, '\n') : shown;
}

/** A piece of text in the simple grammar and how it shows. */
export interface SimpleSegment {
  /** What shows (the delimiters left out). */
  text: string;
  format: 'plain' | 'em' | 'strong' | 'code';
  /** Length of the delimiter on each side in the source: 0 for plain text, 1 for *em* and `code`, 2 for **strong**. */
  delimiter: 0 | 1 | 2;
}

/**
 * Text in the simple grammar cut into what it shows: plain text and its marked runs without their delimiters.
 * Null when the text is outside the grammar. Lets a renderer format a definitions key without a parse.
 */
export function simpleSegments(text: string): SimpleSegment[] | null {
  // A line break is not a segment a renderer knows: such text takes the parser's path.
  if (text.includes('<br>') || !isSimpleInline(text)) return null;
  const out: SimpleSegment[] = [];
  let at = 0;
  const plain = (s: string): void => {
    if (s !== '') out.push({ text: s, format: 'plain', delimiter: 0 });
  };
  for (const m of text.matchAll(MARKED)) {
    const lead = m[1]!;
    const start = m.index + lead.length;
    plain(text.slice(at, start));
    const run = m[0].slice(lead.length);
    const d: 1 | 2 = run.startsWith('**') ? 2 : 1;
    out.push({ text: run.slice(d, run.length - d), format: run.startsWith('`') ? 'code' : d === 2 ? 'strong' : 'em', delimiter: d });
    at = start + run.length;
  }
  plain(text.slice(at));
  return out;
}

/** A piece of text in the simple grammar, by source offsets. */
export interface SimplePiece {
  /** Plain text, a marked run, or a '<br>' line break. */
  kind: 'plain' | 'em' | 'strong' | 'code' | 'break';
  /** The piece in the source, delimiters included. */
  start: number;
  end: number;
  /** What shows of it: the whole of plain text, a run's text inside its delimiters ('<br>' shows as a line break). */
  innerStart: number;
  innerEnd: number;
}

/**
 * Text in the simple grammar cut into the nodes remark reads it as: plain text (one text node between runs and
 * line breaks, brackets included), each marked run, each '<br>' (inline HTML), with source offsets. Null when the
 * text is outside the grammar. Lets change-log matching map visible text to source without a parse
 * (tests/changelog/visible-text.test.ts checks it against the parser's reading).
 */
export function simplePieces(text: string): SimplePiece[] | null {
  if (!isSimpleInline(text)) return null;
  const out: SimplePiece[] = [];
  // In the grammar every '<br>' stands alone between two non-space characters, outside runs and brackets.
  const plain = (from: number, to: number): void => {
    let at = from;
    for (let br = text.indexOf('<br>', at); br >= 0 && br < to; br = text.indexOf('<br>', at)) {
      if (br > at) out.push({ kind: 'plain', start: at, end: br, innerStart: at, innerEnd: br });
      out.push({ kind: 'break', start: br, end: br + 4, innerStart: br, innerEnd: br + 4 });
      at = br + 4;
    }
    if (to > at) out.push({ kind: 'plain', start: at, end: to, innerStart: at, innerEnd: to });
  };
  let at = 0;
  for (const m of text.matchAll(MARKED)) {
    const start = m.index + m[1]!.length;
    const end = m.index + m[0].length;
    plain(at, start);
    const d = text.startsWith('**', start) ? 2 : 1;
    const kind = text[start] === '`' ? 'code' : d === 2 ? 'strong' : 'em';
    out.push({ kind, start, end, innerStart: start + d, innerEnd: end - d });
    at = end;
  }
  plain(at, text.length);
  return out;
}
