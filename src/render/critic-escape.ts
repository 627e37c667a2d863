// Legal text that itself contains CriticMarkup delimiters ({++ {-- {~~ ~> {>> <<} {== and their closers) would
// be read as marks by a CriticMarkup processor. CriticMarkup has no escape of its own, and a backslash does not
// help: processors such as pymdownx.critic find the delimiter on the raw text, before Markdown sees the
// backslash. So the brace (or the '>' of '~>') next to a delimiter is written as a character reference —
// '&#123;', '&#125;', '&gt;' — which no processor reads as CriticMarkup and every Markdown renderer shows as
// the literal character. Only characters that could form a delimiter are touched, so ordinary text is written
// as is. Each span is escaped on its own; a brace at a span's edge is escaped whatever its neighbour, because
// the neighbour may be the next span's text or a mark.
//
// Limitation: inside a code span character references are shown literally, so a delimiter inside `code`
// cannot be escaped by any Markdown means; it is written as is.

const OPENERS = new Set(['+', '-', '~', '>', '=']);
const CLOSERS = new Set(['+', '-', '~', '<', '=']);

/** Escapes one span's text; `inCode` says whether it starts inside a code span, and the result where it ends. */
export function escapeCritic(text: string, startsInCode = false): { text: string; inCode: boolean } {
  let inCode = startsInCode;
  if (!/[{}>`]/.test(text)) return { text, inCode };
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '`' && text[i - 1] !== '\\') inCode = !inCode;
    if (inCode) {
      out += c;
      continue;
    }
    const prev = text[i - 1];
    const next = text[i + 1];
    if (c === '{' && (next === undefined || OPENERS.has(next))) out += '&#123;';
    else if (c === '}' && (prev === undefined || CLOSERS.has(prev))) out += '&#125;';
    else if (c === '>' && (prev === undefined || prev === '~')) out += '&gt;';
    else out += c;
  }
  return { text: out, inCode };
}
