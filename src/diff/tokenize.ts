// The tokenizer of the word diff. A redline can only ever split text between tokens, so the token rules decide
// what a reader sees: "£35,000,000" → "£55,000,000" must be one replaced amount, never "£{--35--}{++55++},000,000",
// and an emphasis marker must never glue to the word it emphasises.
//
// Rules (first match wins at each position; `W` is a letter, combining mark or digit, any script):
//   1. a run of whitespace (any Unicode White_Space) is one token, kept exactly;
//   2. `<br>`, `<br/>`, `<br />` (any case) is one token: the line break inside a table cell;
//   3. a backslash escape of ASCII punctuation (`\|`, `\*`) is one token, so an escape is never split;
//   4. an HTML entity (`&amp;`, `&#163;`, `&#xA3;`) is one token;
//   5. a clause reference with sub-paragraph labels glued on (`H17.5(a)(i)`, `G3.5A(b)`, `3.8.17.1(a)`):
//      up to three capital letters, digits with dot-separated digit groups, up to two capital letters, then one
//      or more `(label)` where the label is 1–5 lower-case letters, 1–5 capitals or 1–3 digits;
//   6. a word: an optional currency sign (£ $ € ¥) directly before a digit, a run of W, then any number of
//      joined continuations:
//        - an apostrophe or hyphen (' ’ - ‐ ‑) between W on both sides: DCC's, non-SMETS2, 2024-06-27;
//        - `.` or `/` between digits: 3.8.17.1, G3.5A, 1.5, 27/06/2024;
//        - `,` after a digit followed by exactly three digits (thousands): £1,335,568, £35,000,000.00;
//        - `:` between W: sr:FirmwareVersionUpdate, 10:30;
//        - `%` directly after a digit: 1.5%;
//      so a full stop, comma or colon that ends a sentence or clause stays a token of its own ("G3.5." is
//      "G3.5" + ".");
//   7. anything else is one code point, with any combining marks, emoji modifiers and zero-width-joiner
//      sequences after it (so an emoji is never split): every punctuation mark and Markdown syntax character
//      (* _ ` [ ] ( ) | # > ~) is a token of its own, and "**" is two tokens.
//
// Quoted defined terms are NOT one token: 'SM WAN' is ' + SM + space + WAN + '. A term can span several
// words, and keeping the quotes separate means renaming a term ('Fax' → 'Email') reads '{~~Fax~>Email~~}'
// with the quotes untouched.
//
// tokens.join('') === text always (rule 7 consumes any code unit, including a lone surrogate).

const W = String.raw`[\p{L}\p{M}\p{N}]`;

const WHITESPACE = String.raw`\s+`;
const LINE_BREAK = String.raw`<[Bb][Rr]\s*\/?>`;
const ESCAPE = String.raw`\\[!-\/:-@\[-\x60{-~]`;
const ENTITY = String.raw`&(?:#[0-9]{1,7}|#[Xx][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`;
const LABEL = String.raw`\((?:[a-z]{1,5}|[A-Z]{1,5}|[0-9]{1,3})\)`;
const CLAUSE_WITH_LABELS = String.raw`[A-Z]{0,3}[0-9]+(?:\.[0-9]+)*[A-Z]{0,2}(?:${LABEL})+`;
const JOINED = [
  String.raw`(?<=${W})['’\-\u2010\u2011]${W}+`,
  String.raw`(?<=\p{N})[.\/]\p{N}${W}*`,
  String.raw`(?<=\p{N}),\p{N}{3}(?!\p{N})${W}*`,
  String.raw`(?<=${W}):${W}+`,
  String.raw`(?<=\p{N})%`,
].join('|');
const WORD = String.raw`(?:[£$€¥](?=\p{N}))?${W}+(?:${JOINED})*`;
const OTHER = String.raw`[^](?:\p{M}|\p{Emoji_Modifier}|\u200D[^\s])*`;

const TOKEN = new RegExp(
  [WHITESPACE, LINE_BREAK, ESCAPE, ENTITY, CLAUSE_WITH_LABELS, WORD, OTHER].map((p) => `(?:${p})`).join('|'),
  'uy',
);

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    // OTHER matches any code unit, so a miss cannot happen; guard anyway so a regex mistake can never loop or
    // lose text.
    if (!m || TOKEN.lastIndex <= start) {
      tokens.push(text[start]!);
      TOKEN.lastIndex = start + 1;
      continue;
    }
    tokens.push(m[0]);
  }
  return tokens;
}

/**
 * What a token is, for the cleanup: `space` (a whitespace run), `break` (`<br>`), `word` (rules 5 and 6: words,
 * numbers, amounts, references) or `punct` (everything else, including escapes and entities).
 */
export type TokenKind = 'space' | 'break' | 'word' | 'punct';

const SPACE_TOKEN = /^\s/u;
const BREAK_TOKEN = /^<[Bb][Rr]/u;
const WORD_START = /^[\p{L}\p{M}\p{N}]/u;
const CURRENCY_AMOUNT = /^[£$€¥]\p{N}/u;

export function tokenKind(token: string): TokenKind {
  if (SPACE_TOKEN.test(token)) return 'space';
  if (token.length > 3 && BREAK_TOKEN.test(token)) return 'break';
  if (WORD_START.test(token) || CURRENCY_AMOUNT.test(token)) return 'word';
  return 'punct';
}
