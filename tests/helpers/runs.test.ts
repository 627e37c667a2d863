// The property-run helper: `npm test` keeps each test's own count; SEC_REDLINE_DEEP multiplies it (npm run
// test:deep); PROPERTY_RUNS sets it outright; anything else is refused rather than silently ignored.

import { afterEach, describe, expect, it, vi } from 'vitest';

async function load(env: Record<string, string | undefined>): Promise<typeof import('./runs.js')> {
  vi.resetModules();
  vi.stubEnv('SEC_REDLINE_DEEP', env['SEC_REDLINE_DEEP'] ?? '');
  vi.stubEnv('PROPERTY_RUNS', env['PROPERTY_RUNS'] ?? '');
  return import('./runs.js');
}

describe('runs', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('keeps the written count by default, multiplies it deep, and takes an exact count', async () => {
    expect((await load({})).runs(150)).toBe(150);
    const deep = await load({ SEC_REDLINE_DEEP: '20' });
    expect([deep.runs(150), deep.deep]).toEqual([3000, 20]);
    expect((await load({ SEC_REDLINE_DEEP: '20', PROPERTY_RUNS: '7' })).runs(150)).toBe(7);
  });

  it('refuses a multiplier that is not a whole number of at least 1', async () => {
    for (const bad of ['0', '-2', '1.5', 'deep']) await expect(load({ SEC_REDLINE_DEEP: bad }), bad).rejects.toThrow(/SEC_REDLINE_DEEP must be a whole number of at least 1/);
  });
});
