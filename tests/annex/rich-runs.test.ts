import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { acceptRuns, literalRuns, rejectRuns, richRuns } from '../../src/render/rich-runs.js';
import { plainText } from '../../src/model/plain-text.js';
import { textChangeError } from '../../src/redline/invariant.js';
import { tc } from './fixtures.js';
import { textChange } from './arbitraries.js';

describe('richRuns', () => {
  it('shows a change inside emphasis as formatted insert and delete runs', () => {
    const change = tc('the *SMKI ', { del: 'Policy' }, { ins: 'Compliance Policy' }, '* applies');
    expect(textChangeError(change)).toBeNull();
    const runs = richRuns(change);
    expect(runs).toEqual([
      { op: 'equal', text: 'the ', fmt: {}, items: [] },
      { op: 'equal', text: 'SMKI ', fmt: { em: true }, items: [] },
      { op: 'delete', text: 'Policy', fmt: { em: true }, items: [] },
      { op: 'insert', text: 'Compliance Policy', fmt: { em: true }, items: [] },
      { op: 'equal', text: ' applies', fmt: {}, items: [] },
    ]);
  });

  it('handles a change that cuts through code-span syntax', () => {
    const change = tc('use `TLS', { del: ' 1.2' }, '` now');
    expect(acceptRuns(richRuns(change))).toBe('use TLS now');
    expect(rejectRuns(richRuns(change))).toBe('use TLS 1.2 now');
  });

  it('turns a delimiter that stops being syntax into a visible insertion', () => {
    // Old: emphasis; new: the closing '*' is deleted so the opening one becomes a literal asterisk.
    const change = tc('*a', { del: '*' }, ' b');
    const runs = richRuns(change);
    expect(rejectRuns(runs)).toBe(plainText('*a* b'));
    expect(acceptRuns(runs)).toBe(plainText('*a b'));
    expect(runs.some((r) => r.op === 'insert' && r.text === '*')).toBe(true);
  });

  it('carries span items onto insert and delete runs', () => {
    const runs = richRuns(tc('by ', { del: 'Fax', items: ['8'] }, { ins: 'Email', items: ['8'] }));
    expect(runs.filter((r) => r.op !== 'equal').map((r) => r.items)).toEqual([['8'], ['8']]);
  });

  it('labels are literal', () => {
    expect(acceptRuns(literalRuns(tc('G5.', { del: '7' }, { ins: '9' })))).toBe('G5.9');
  });

  it('accept-all is plainText(new) and reject-all plainText(old), for any cut', () => {
    fc.assert(
      fc.property(textChange, (change) => {
        expect(textChangeError(change)).toBeNull();
        const runs = richRuns(change);
        expect(acceptRuns(runs)).toBe(plainText(change.new ?? ''));
        expect(rejectRuns(runs)).toBe(plainText(change.old ?? ''));
        for (const r of runs) expect(r.text).not.toBe('');
      }),
      { numRuns: runs(500) },
    );
  });
});
