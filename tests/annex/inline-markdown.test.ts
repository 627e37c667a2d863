import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { lexInline, plainText } from '../../src/render/inline-markdown.js';
import { inlineText } from './arbitraries.js';

function visible(s: string): string {
  const m = lexInline(s);
  if (!m) throw new Error(`no character map for ${JSON.stringify(s)}`);
  return m.map((c) => c.out).join('');
}

describe('lexInline', () => {
  it('hides syntax and keeps formatting', () => {
    const src = 'a *em* **st** `co de` [li](http://x.y) \\* &amp; <br> ~~s~~';
    const m = lexInline(src)!;
    expect(visible(src)).toBe('a em st co de li * & \n s');
    const at = (i: number) => m[i]!;
    expect(at(src.indexOf('em')).fmt).toEqual({ em: true });
    expect(at(src.indexOf('st')).fmt).toEqual({ strong: true });
    expect(at(src.indexOf('co de')).fmt).toEqual({ code: true });
    expect(at(src.indexOf('li')).fmt).toEqual({ href: 'http://x.y' });
    expect(at(src.indexOf('s~~'))!.fmt).toEqual({ strike: true });
    expect(at(src.indexOf('&amp;')).out).toBe('&');
    expect(at(src.indexOf('<br>')).out).toBe('\n');
  });

  it('is the identity on text without syntax, per UTF-16 unit', () => {
    const s = 'G3.5 The DCC — £35,000 😀';
    expect(lexInline(s)!.length).toBe(s.length);
    expect(visible(s)).toBe(s);
  });

  it('treats literal characters that are not syntax as text', () => {
    expect(visible('a * b _ c')).toBe('a * b _ c');
    expect(visible('snake_case_name')).toBe('snake_case_name');
    expect(visible('&bogus; & x')).toBe('&bogus; & x');
    expect(visible('<b>bold</b>')).toBe('<b>bold</b>');
    expect(visible('1. not a list')).toBe('1. not a list');
    expect(visible('# not a heading')).toBe('# not a heading');
  });

  it('always agrees with the model plainText', () => {
    let mapped = 0;
    fc.assert(
      fc.property(inlineText, (s) => {
        const m = lexInline(s);
        if (m) {
          mapped++;
          expect(m.map((c) => c.out).join('')).toBe(plainText(s));
          expect(m.length).toBe(s.length);
        }
      }),
      { numRuns: runs(400) },
    );
    // The fallback (null) is for constructs the map cannot prove; it must stay rare.
    expect(mapped).toBeGreaterThan(390);
  });
});
