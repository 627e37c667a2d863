import { describe, expect, it } from 'vitest';
import { nextInsertedNumber, nextLabel, parseId, proseName } from '../../src/model/index.js';

describe('parseId: addresses inside a block', () => {
  it('a limb of a definition, also inside a named cell', () => {
    expect(parseId('A1.1[User](a)')).toMatchObject({ id: 'A1.1[User]', limb: '(a)' });
    expect(parseId('A1.1[Eligible Recipient](b)(ii)')).toMatchObject({ id: 'A1.1[Eligible Recipient]', limb: '(b)(ii)' });
    expect(parseId('Appendix AD 1.1[E1]{Meaning}(a)')).toMatchObject({ id: 'Appendix AD 1.1[E1]', cell: 'Meaning', limb: '(a)' });
  });
  it('a term defined inline', () => {
    expect(parseId('H10.1/term[Business Continuity Arrangements]')).toMatchObject({ id: 'H10.1', term: 'Business Continuity Arrangements' });
  });
});

describe('parseId', () => {
  const canonical: [string, string, string][] = [
    ['G3.5', 'G3.5', 'section G'],
    ['Section G3.5A', 'G3.5A', 'section G'],
    ['H17.5(a)(i)', 'H17.5(a)(i)', 'section H'],
    ['A1.1[SM WAN]', 'A1.1[SM WAN]', 'section A'],
    ['Appendix AD 3.8.17.1', 'Appendix AD 3.8.17.1', 'appendix AD'],
    ['AD 3.8.17.1', 'Appendix AD 3.8.17.1', 'appendix AD'],
    ['appendix ad 3.5.10[E64]', 'Appendix AD 3.5.10[E64]', 'appendix AD'],
    ['Appendix AD 3.8.82.2[LowerBandSubGHzChannels0To26#2]', 'Appendix AD 3.8.82.2[LowerBandSubGHzChannels0To26#2]', 'appendix AD'],
    ['Appendix AD 3.8.82.2[LowerBandSubGHzChannels0To26#1]', 'Appendix AD 3.8.82.2[LowerBandSubGHzChannels0To26]', 'appendix AD'],
    ['F4.17/heading', 'F4.17/heading1', 'section F'],
    ['Appendix AG 2.10.9/heading1', 'Appendix AG 2.10.9/heading1', 'appendix AG'],
    ['Appendix R 8.1.26/p', 'Appendix R 8.1.26/p1', 'appendix R'],
    ['Appendix AD 3.5.10/table1[E64]', 'Appendix AD 3.5.10[E64]', 'appendix AD'],
    ['Appendix AD 3.5.10/table2[E64]', 'Appendix AD 3.5.10/table2[E64]', 'appendix AD'],
    ['Section G/p1', 'Section G/p1', 'section G'],
    ['Schedule 8 1.2', 'Schedule 8 1.2', 'schedule 8'],
    ['Appendix A 1.1', 'Appendix A 1.1', 'appendix A'],
    // Issue 10: constructs of real SEC text.
    ['H17.5(a)/p1', 'H17.5(a)/p1', 'section H'],
    ['X1.1/bullet2/bullet1', 'X1.1/bullet2/bullet1', 'section X'],
    ['Section A/fn1', 'Section A/fn1', 'section A'],
    ['Appendix N Appendix A', 'Appendix N Appendix A', 'appendix N'],
    ['Appendix N Appendix A 1.2', 'Appendix N Appendix A 1.2', 'appendix N'],
    ['Appendix N Appendix A[Authorised Responsible Officer]', 'Appendix N Appendix A[Authorised Responsible Officer]', 'appendix N'],
    ['Section F Annex A 1.1', 'Section F Annex A 1.1', 'section F'],
    ['Appendix X 1.1[Transport Layer Security (or TLS)]', 'Appendix X 1.1[Transport Layer Security (or TLS)]', 'appendix X'],
  ];
  for (const [input, id, doc] of canonical) {
    it(`${input} → ${id}`, () => {
      const p = parseId(input);
      expect(p?.id).toBe(id);
      expect(`${p?.doc.kind} ${p?.doc.code}`).toBe(doc);
    });
  }

  it('reads a cell by its column heading', () => {
    expect(parseId('Appendix AD 3.8.43.2[ScheduleEndDate]{Mandatory}')).toEqual({
      doc: { kind: 'appendix', code: 'AD' },
      id: 'Appendix AD 3.8.43.2[ScheduleEndDate]',
      isDocument: false,
      cell: 'Mandatory',
    });
  });

  it('names whole documents', () => {
    expect(parseId('Section M')).toEqual({ doc: { kind: 'section', code: 'M' }, id: 'Section M', isDocument: true });
    expect(parseId('appendix ag')?.id).toBe('Appendix AG');
  });

  it('refuses what could be misread or is malformed', () => {
    for (const bad of ['A 1.1', 'P 1.2', 'G3..5', 'Z3.5', 'G3.5[', 'Appendix AD', 'Appendix AD 3.5.10{Mandatory}', '', 'Section G 3.5']) {
      expect(parseId(bad)?.isDocument ? 'doc' : parseId(bad)).toSatisfy((v: unknown) => v === null || v === 'doc');
    }
    expect(parseId('A 1.1')).toBeNull();
    expect(parseId('Section G 3.5')).toBeNull();
  });

  it('words IDs for prose', () => {
    expect(proseName('G3.5')).toBe('Section G3.5');
    expect(proseName('Appendix AD 3.8.17.1')).toBe('clause 3.8.17.1 of Appendix AD');
  });
});

describe('SEC numbering conventions', () => {
  it('inserts after a clause with a letter suffix', () => {
    expect(nextInsertedNumber('G3.5')).toBe('G3.5A');
    expect(nextInsertedNumber('G3.5A')).toBe('G3.5B');
    expect(nextInsertedNumber('3.8.17')).toBe('3.8.17A');
  });
  it('continues sub-paragraph labels in the style of their level', () => {
    expect(nextLabel('(g)', 1)).toBe('(h)');
    expect(nextLabel('(iii)', 2)).toBe('(iv)');
    expect(nextLabel('(C)', 3)).toBe('(D)');
    expect(nextLabel('(z)', 1)).toBe('(aa)');
    expect(nextLabel('(i)', 3)).toBeNull();
  });
});
