// The tokenizer's rules, one case each: what must stay one token, and what must be split.
import { describe, expect, it } from 'vitest';
import { tokenKind, tokenize } from '../../src/diff/tokenize.js';

/** The tokens of `text` other than whitespace runs (which are checked separately). */
const words = (text: string): string[] => tokenize(text).filter((t) => tokenKind(t) !== 'space');

describe('tokenize', () => {
  it('keeps amounts and numbers whole', () => {
    expect(words('£1,335,568 and £35,000,000.00, 30 days, 1.5% or $2,000 and €3.50')).toEqual([
      '£1,335,568', 'and', '£35,000,000.00', ',', '30', 'days', ',', '1.5%', 'or', '$2,000', 'and', '€3.50',
    ]);
  });

  it('does not glue a list comma or a sentence full stop to a number', () => {
    expect(words('clauses 1,2 and 3. Then 1,0000 items.')).toEqual([
      'clauses', '1', ',', '2', 'and', '3', '.', 'Then', '1', ',', '0000', 'items', '.',
    ]);
    expect(words('see G3.5.')).toEqual(['see', 'G3.5', '.']);
  });

  it('keeps numeric dates whole and leaves written dates as words', () => {
    expect(words('2024-06-27, 27/06/2024 and 27 June 2024')).toEqual([
      '2024-06-27', ',', '27/06/2024', 'and', '27', 'June', '2024',
    ]);
  });

  it('keeps clause references whole, with sub-paragraph labels glued on', () => {
    expect(words('G3.5A, H17.5(a)(i), 3.8.17.1, A1.1, F4.17(b), 3.5A, M2.4(iv)')).toEqual([
      'G3.5A', ',', 'H17.5(a)(i)', ',', '3.8.17.1', ',', 'A1.1', ',', 'F4.17(b)', ',', '3.5A', ',', 'M2.4(iv)',
    ]);
  });

  it('leaves a bracketed number after a space as brackets and a number', () => {
    expect(words('thirty (30) days (a)')).toEqual(['thirty', '(', '30', ')', 'days', '(', 'a', ')']);
  });

  it('keeps error codes, XML names, times and version numbers whole', () => {
    expect(words('E64 sr:FirmwareVersionUpdate 10:30 DUIS v5.3 SMETS2')).toEqual([
      'E64', 'sr:FirmwareVersionUpdate', '10:30', 'DUIS', 'v5.3', 'SMETS2',
    ]);
  });

  it('keeps internal apostrophes and hyphens inside words', () => {
    expect(words("the DCC's and User’s non-SMETS2 Sub‑GHz Users' rights")).toEqual([
      'the', "DCC's", 'and', 'User’s', 'non-SMETS2', 'Sub‑GHz', 'Users', "'", 'rights',
    ]);
  });

  it('splits quoted defined terms into quote, words and quote', () => {
    expect(tokenize("'SM WAN'")).toEqual(["'", 'SM', ' ', 'WAN', "'"]);
    expect(tokenize('‘Fax’.')).toEqual(['‘', 'Fax', '’', '.']);
  });

  it('makes every Markdown syntax character a token of its own', () => {
    expect(tokenize('**Panel** _x_ `a` [G3.5](#g35) a | b')).toEqual([
      '*', '*', 'Panel', '*', '*', ' ', '_', 'x', '_', ' ', '`', 'a', '`', ' ',
      '[', 'G3.5', ']', '(', '#', 'g35', ')', ' ', 'a', ' ', '|', ' ', 'b',
    ]);
  });

  it('keeps <br>, backslash escapes and entities whole', () => {
    expect(tokenize('a<br>b<BR/>c<br />d \\| \\* &amp; &#163; &#xA3;')).toEqual([
      'a', '<br>', 'b', '<BR/>', 'c', '<br />', 'd', ' ', '\\|', ' ', '\\*', ' ', '&amp;', ' ', '&#163;', ' ', '&#xA3;',
    ]);
    expect(tokenize('<b>')).toEqual(['<', 'b', '>']);
  });

  it('keeps whitespace runs exactly, as tokens of their own', () => {
    expect(tokenize(' a  b\t\u00a0c \n')).toEqual([' ', 'a', '  ', 'b', '\t\u00a0', 'c', ' \n']);
  });

  it('keeps letters with combining marks and emoji sequences together', () => {
    expect(words('cafe\u0301 Œuvre 👍🏽 👨‍👩‍👧 日本語')).toEqual(['cafe\u0301', 'Œuvre', '👍🏽', '👨‍👩‍👧', '日本語']);
  });

  it('reproduces its input, including lone surrogates and control characters', () => {
    for (const text of ['', 'x', '\ud800', 'a\udc00b', '\u0000\u0007', '£', '£ 5', '(a)', '1,', '1.', "x'", '-1', '%']) {
      expect(tokenize(text).join('')).toBe(text);
    }
    expect(tokenize('')).toEqual([]);
  });
});

describe('tokenKind', () => {
  it('classifies tokens', () => {
    expect(tokenKind('  ')).toBe('space');
    expect(tokenKind('<br>')).toBe('break');
    expect(tokenKind('DCC')).toBe('word');
    expect(tokenKind('£35,000,000')).toBe('word');
    expect(tokenKind('G3.5(a)')).toBe('word');
    expect(tokenKind('£')).toBe('punct');
    expect(tokenKind('*')).toBe('punct');
    expect(tokenKind('\\|')).toBe('punct');
    expect(tokenKind('&amp;')).toBe('punct');
  });
});
