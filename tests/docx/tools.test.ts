import { afterEach, describe, expect, it, vi } from 'vitest';
import { hasTool, requireTool } from '../helpers/tools.js';

describe('requireTool', () => {
  const ci = process.env['CI'];
  afterEach(() => {
    if (ci === undefined) delete process.env['CI'];
    else process.env['CI'] = ci;
    vi.restoreAllMocks();
  });

  it('finds a tool that exists', () => {
    expect(hasTool('sh')).toBe(true);
    expect(requireTool('sh')).toBe(true);
  });

  it('fails under CI=true when the tool is missing, naming the package', () => {
    process.env['CI'] = 'true';
    expect(() => requireTool('no-such-tool-xyz')).toThrow(/no-such-tool-xyz is not installed.*required in CI/);
  });

  it('skips loudly elsewhere', () => {
    process.env['CI'] = 'false';
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(requireTool('no-such-tool-xyz')).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/SKIPPING: no-such-tool-xyz is not installed/));
  });
});
