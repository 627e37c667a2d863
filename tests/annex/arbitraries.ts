// fast-check generators for inline Markdown that exercises every construct the renderers must hide:
// emphasis, strong, code, links, escapes, entities, <br>, GFM strikethrough, and characters that need escaping
// in XML and HTML. Spans are cut at arbitrary points, so syntax is split across changes.

import fc from 'fast-check';
import type { Span, TextChange } from '../../src/redline/types.js';

const FRAGMENTS = [
  'the', 'DCC', 'shall', 'Panel', ' ', ' ', ' ', 'a', 'Fax', 'Email', '3.5', '£35,000',
  '*', '**', '_', '`', '[', ']', '(', ')', '\\', '&', '<', '>', '"', "'", '~', '!', '#', '|',
  '*em*', '**strong**', '`code`', '[link](http://example.com)', '\\*', '&amp;', '&lt;', '&copy;', '&#35;', '&bogus;',
  '<br>', '<b>', '~~gone~~', '_under_', '***both***',
];

export const inlineText = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 12 }).map((a) => a.join('').replace(/^\s+|\s+$/g, '') || 'x');

/** A TextChange with random equal/delete/insert pieces (each piece a fragment string, so cuts land anywhere). */
export const textChange: fc.Arbitrary<TextChange> = fc
  .array(fc.tuple(fc.constantFrom<Span['op']>('equal', 'delete', 'insert'), fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 8 })
  .map((pieces) => {
    const spans: Span[] = [];
    for (const [op, frags] of pieces) {
      const text = frags.join('');
      const last = spans[spans.length - 1];
      if (last && last.op === op) last.text += text;
      else spans.push({ op, text });
    }
    const old = spans.filter((s) => s.op !== 'insert').map((s) => s.text).join('');
    const neu = spans.filter((s) => s.op !== 'delete').map((s) => s.text).join('');
    return { old, new: neu, spans };
  });
