// xmlPartBytes writes a part as UTF-8 a chunk at a time (document.xml of a whole SEC document): it must give
// exactly the bytes of xmlPart's string encoded at once, whatever falls on a chunk boundary — multi-byte
// characters, surrogate pairs, escapes, lone surrogates (dropped) — and refuse what xmlPart refuses.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { el, xmlPart, xmlPartBytes, XmlWriter, type XmlElement } from '../../src/render/docx/xml.js';

const enc = new TextEncoder();
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.constantFrom('£', '’', '😀', '&', '<', 'a\uD800', '\uDC00b', 'x'.repeat(5000), '€'.repeat(3000), '😀'.repeat(2000)),
);
// Enough paragraphs that the part is several 64K-character chunks long, so boundaries fall everywhere.
const body = fc.array(fc.tuple(piece, fc.constantFrom('w:t', 'w:instrText'), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 80 });

function tree(paras: readonly [string, string, string][]): XmlElement {
  return el('w:document', { 'xmlns:w': 'urn:w' }, el('w:body', {}, paras.map(([text, tag, attr]) => el('w:p', { 'w:rsid': attr }, el('w:r', {}, el(tag, {}, text))))));
}

describe('xmlPartBytes', () => {
  it('gives the bytes of xmlPart encoded whole', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 1, max: 40 }), (paras, times) => {
        const root = tree(Array.from({ length: times }, () => paras).flat());
        expect(Buffer.from(xmlPartBytes(root)).equals(Buffer.from(enc.encode(xmlPart(root))))).toBe(true);
      }),
      { numRuns: runs(40) },
    );
  });

  it('cuts a part longer than a chunk, and still refuses what the string writer refuses', () => {
    const root = tree(Array.from({ length: 3000 }, (_, i) => [`${'😀'.repeat(i % 61)}é&<${i}`, 'w:t', String(i)] as [string, string, string]));
    expect(xmlPart(root).length).toBeGreaterThan(3 * 65536);
    expect(Buffer.from(xmlPartBytes(root)).equals(Buffer.from(enc.encode(xmlPart(root))))).toBe(true);
    expect(() => xmlPartBytes(el('bad name'))).toThrow(/not an XML name/);
    expect(() => new XmlWriter({ bytes: true }).start('w:p').toBytes()).toThrow(/left open/);
    expect(() => new XmlWriter({ bytes: true }).toString()).toThrow(/toBytes/);
  });
});
