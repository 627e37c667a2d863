// What `check` prints: the model's problems (reading, front matter, unsupported Markdown) together with the
// rules' findings, in one order. Where the parser and a rule describe the same mistake, the rule's words win.

import type { Problem } from '../model/types.js';
import { sortProblems } from '../util/errors.js';

export function mergeFindings(modelProblems: readonly Problem[], ruleFindings: readonly Problem[]): Problem[] {
  // The parser says 'no label' where malformed-id says what the label should have been.
  const specific = new Set(ruleFindings.filter((p) => p.rule === 'malformed-id').map((p) => `${p.file}\u0000${p.line}`));
  const kept = modelProblems.filter((p) => !(p.rule === 'subparagraph-label' && specific.has(`${p.file}\u0000${p.line}`)));
  return sortProblems([...kept, ...ruleFindings]);
}

/** JSON with one fixed field order (file, line, column, severity, rule, message), however the objects were built. */
export function findingsToJson(problems: readonly Problem[]): string {
  const rows = problems.map((p) => ({ file: p.file, line: p.line, column: p.column, severity: p.severity, rule: p.rule, message: p.message }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
