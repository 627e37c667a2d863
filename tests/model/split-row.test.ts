// splitRow cuts a table line at its unescaped pipes with indexOf. Held to the plain reading it replaced, a
// character at a time (kept here as the oracle), over random lines of pipes, backslashes, spaces and letters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitRow } from '../../src/model/table-syntax.js';
import { runs } from '../helpers/runs.js';

function oracle(line: string): string[] | null {
  const t = line.trim();
  if (!t.startsWith('|')) return null;
  const cells: string[] = [];
  let cur = '';
  for (let i = 1; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === '\\' && i + 1 < t.length) {
      cur += ch + t[i + 1]!;
      i++;
    } else if (ch === '|') {
      cells.push(cur.trim());
      cur = '';
    } else {
      cur += ch;
    }
  }
  if (cur.trim() !== '') cells.push(cur.trim());
  return cells;
}

describe('splitRow', () => {
  it('cuts where a character-by-character reading cuts', () => {
    const line = fc.array(fc.constantFrom('|', '\\', ' ', 'a', 'b', '\t', '**', '`x`', '<br>'), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(line, (l) => {
        expect(splitRow(l)).toEqual(oracle(l));
        expect(splitRow(`| ${l} |`)).toEqual(oracle(`| ${l} |`));
      }),
      { numRuns: runs(20000) },
    );
  });

  it('keeps escapes as written', () => {
    expect(splitRow('| a \\| b | c\\\\ | d\\')).toEqual(['a \\| b', 'c\\\\', 'd\\']);
    expect(splitRow('|')).toEqual([]);
    expect(splitRow('x | y |')).toBeNull();
  });
});
