// Test helper: accept or reject every CriticMarkup mark on a line (the oracle for critic-md exactness).

export function acceptCritic(line: string): string {
  return line
    .replace(/\{~~([\s\S]*?)~>([\s\S]*?)~~\}/g, (_m, _a: string, b: string) => b)
    .replace(/\{\+\+([\s\S]*?)\+\+\}/g, (_m, x: string) => x)
    .replace(/\{--([\s\S]*?)--\}/g, '');
}

export function rejectCritic(line: string): string {
  return line
    .replace(/\{~~([\s\S]*?)~>([\s\S]*?)~~\}/g, (_m, a: string) => a)
    .replace(/\{\+\+([\s\S]*?)\+\+\}/g, '')
    .replace(/\{--([\s\S]*?)--\}/g, (_m, x: string) => x);
}

/** A line that is only a comment ({>> … <<}): not part of either document. */
export function isCommentLine(line: string): boolean {
  return /^\{>>[\s\S]*<<\}$/.test(line);
}
