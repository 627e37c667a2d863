// Messages quote what the user wrote, but never all of it: a 5 MB text given as a change log, or a 1 MB
// replacement, is shown as its first few dozen characters and its length.

/** The text, or its start and how long it is, on one line. */
export function excerpt(s: string, max = 60): string {
  const oneLine = s.length > max * 4 ? s.slice(0, max * 4) : s;
  const flat = oneLine.replace(/\r?\n/g, '⏎');
  if (s.length <= max && flat === s) return s;
  if (s.length <= max) return flat;
  return `${flat.slice(0, max - 1)}… (${s.length} characters)`;
}

/** `'text'`, excerpted. */
export function quote(s: string, max = 60): string {
  return `'${excerpt(s, max)}'`;
}

/** Longest message printed for one problem: a safety net for values no message excerpted. */
export const MAX_MESSAGE_CHARS = 2000;

export function capMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_CHARS) return message;
  const keep = MAX_MESSAGE_CHARS / 2;
  return `${message.slice(0, keep)}… (${message.length - 2 * keep} characters left out) …${message.slice(-keep)}`;
}

/** Index of the first character where two texts differ (the shorter length when one is a prefix). */
export function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** `'…text around index at…'`: the part of a long text where something happens, not its start. */
export function quoteAround(s: string, at: number, max = 60): string {
  if (s.length <= max) return quote(s, max);
  const from = Math.max(0, Math.min(at - Math.floor(max / 3), s.length - max));
  const part = s.slice(from, from + max).replace(/\r?\n/g, '⏎');
  return `'${from > 0 ? '…' : ''}${part}${from + max < s.length ? '…' : ''}' (${s.length} characters)`;
}
