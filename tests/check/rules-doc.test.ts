// docs/check-rules.md describes every rule the code has, with its severity, and no rule the code lacks: the
// table is checked against the rules' own metadata (name, severity) so the two cannot drift apart.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../src/check/rules/index.js';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'check-rules.md'), 'utf8');

/** Rows of the '## Rules' table: rule name → its severity column, as written. */
function documentedRules(): Map<string, string> {
  const section = doc.slice(doc.indexOf('## Rules'));
  const out = new Map<string, string>();
  for (const line of section.split('\n')) {
    const m = /^\| `([a-z-]+)` \| ([^|]+) \|/.exec(line);
    if (m) out.set(m[1]!, m[2]!.replace(/\*/g, '').trim());
  }
  return out;
}

describe('docs/check-rules.md', () => {
  it('lists exactly the rules of src/check/rules', () => {
    expect([...documentedRules().keys()].sort()).toEqual(rules.map((r) => r.name).sort());
  });

  it("gives each rule's severity as its metadata does (a rule that also warns says 'error / warning')", () => {
    for (const r of rules) expect(documentedRules().get(r.name)?.split(' / ')[0], r.name).toBe(r.severity);
  });
});
