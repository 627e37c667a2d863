import { describe, expect, it } from 'vitest';
import { blockRef, full } from '../../src/annex/refs.js';
import { idParts } from '../../src/model/index.js';

const G = { kind: 'section' as const, code: 'G' };
const A = { kind: 'section' as const, code: 'A' };
const AD = { kind: 'appendix' as const, code: 'AD' };
const AG = { kind: 'appendix' as const, code: 'AG' };
const S8 = { kind: 'schedule' as const, code: '8' };

describe('blockRef', () => {
  it.each([
    ['G3.5', G, {}, 'Section G3.5'],
    ['G3.5A', G, {}, 'Section G3.5A'],
    ['H17.5(a)(i)', { kind: 'section' as const, code: 'H' }, {}, 'Section H17.5(a)(i)'],
    ['Appendix AD 3.8.17.1', AD, {}, 'clause 3.8.17.1 of Appendix AD'],
    ['Schedule 8 1.2', S8, {}, 'paragraph 1.2 of Schedule 8'],
    ['A1.1[SM WAN]', A, { definitions: true }, "the definition of 'SM WAN' in Section A1.1"],
    ['Appendix AD 3.5.10[E64]', AD, {}, "the row 'E64' of the table in clause 3.5.10 of Appendix AD"],
    ['Appendix AD 3.5.10/table2[E64]', AD, {}, "the row 'E64' of the second table in clause 3.5.10 of Appendix AD"],
    ['Appendix AD 3.8.82.2[LowerBand#2]', AD, {}, "the second row 'LowerBand' of the table in clause 3.8.82.2 of Appendix AD"],
    ['Appendix AD 3.8.43.2[ScheduleEndDate]{Mandatory}', AD, {}, "the 'Mandatory' column of the row 'ScheduleEndDate' of the table in clause 3.8.43.2 of Appendix AD"],
    ['Appendix AG 2.10.9/heading1', AG, {}, 'the heading after clause 2.10.9 of Appendix AG'],
    ['F4.17/p2', { kind: 'section' as const, code: 'F' }, {}, 'the second unnumbered paragraph after Section F4.17'],
    ['Section G/p1', G, {}, 'the unnumbered paragraph after Section G'],
    ['Appendix AD 3.5.10/table1', AD, {}, 'the table in clause 3.5.10 of Appendix AD'],
    ['Appendix AD', AD, {}, 'Appendix AD'],
  ])('%s → %s', (id, doc, options, expected) => {
    expect(full(blockRef(id, doc, options))).toBe(expected);
  });

  it('splits IDs into parts', () => {
    expect(idParts('Appendix AD 3.5.10/table2[E64#3]{Code}', AD)).toEqual({
      number: '3.5.10',
      subs: '',
      steps: [{ kind: 'table', n: 2, subs: '' }],
      key: 'E64',
      occurrence: 3,
      cell: 'Code',
    });
    expect(idParts('G3.5', AD)).toBeNull();
  });
});
