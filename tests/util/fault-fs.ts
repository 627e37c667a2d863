// An FsPort over the real disk that fails (or kills the process) at the n-th call of chosen operations: the
// fault injection of the write-layer tests.
import { type FsPort, nodeFs } from '../../src/util/fs-port.js';

export type Op = keyof FsPort;

/** Operations that change the disk (reads and stats are counted but never fail in these tests). */
export const MUTATING: readonly Op[] = ['openSync', 'writeSync', 'fsyncSync', 'renameSync', 'linkSync', 'unlinkSync', 'mkdirSync', 'chmodSync', 'rmdirSync'];

export interface FaultFs {
  fs: FsPort;
  /** How many calls of the watched operations have been made. */
  count(): number;
}

/**
 * Calls `fault` at the n-th call (1-based) of an operation in `ops` instead of making it; n = 0 never faults.
 * The default fault throws an EIO-like error with a code, as node:fs does.
 */
export function faultFs(n: number, ops: readonly Op[] = MUTATING, fault: (op: Op) => never = failWith('EIO')): FaultFs {
  let calls = 0;
  const wrapped = {} as Record<Op, unknown>;
  for (const op of Object.keys(nodeFs) as Op[]) {
    const real = nodeFs[op] as (...args: unknown[]) => unknown;
    wrapped[op] = (...args: unknown[]) => {
      if (ops.includes(op) && ++calls === n) fault(op);
      return real(...args);
    };
  }
  return { fs: wrapped as unknown as FsPort, count: () => calls };
}

export function failWith(code: string): (op: Op) => never {
  return (op) => {
    const err = new Error(`${code}: injected fault in ${op}`) as Error & { code: string };
    err.code = code;
    throw err;
  };
}
