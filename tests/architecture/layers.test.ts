// The layering of src/ (.dependency-cruiser.cjs, docs/architecture.md) checked by dependency-cruiser on every
// test run — and shown to bite: a tree with an import that points up a floor, and one with a cycle, fail it.

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const depcruise = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const config = join(root, '.dependency-cruiser.cjs');

function cruise(cwd: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [depcruise, 'src', '--config', config], { cwd, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('layers', () => {
  it('src/ imports only down the floors, with no cycles', () => {
    const r = cruise(root);
    expect(r.out).toContain('no dependency violations found');
    expect(r.status).toBe(0);
  });

  it('an import that points up a floor, an unplaced folder and a cycle each fail', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layers-'));
    try {
      const files: Record<string, string> = {
        'tsconfig.json': '{"compilerOptions":{"module":"nodenext","strict":true}}',
        'src/model/read.ts': "import { run } from '../cli/run.js';\nexport const read = run;\n",
        'src/cli/run.ts': 'export const run = 1;\n',
        'src/util/a.ts': "import { b } from './b.js';\nexport const a = (): number => b();\n",
        'src/util/b.ts': "import { a } from './a.js';\nexport const b = (): number => a();\n",
        'src/diff/x.ts': "import { y } from '../mystery/y.js';\nexport const x = y;\n",
        'src/mystery/y.ts': 'export const y = 2;\n',
      };
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      const r = cruise(dir);
      expect(r.status).not.toBe(0);
      expect(r.out).toContain('layer-model: src/model/read.ts → src/cli/run.ts');
      expect(r.out).toContain('unplaced-folder: src/diff/x.ts → src/mystery/y.ts');
      expect(r.out).toMatch(/no-circular: src\/util\/a\.ts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('src/release reaches src/changelog only through its public index', () => {
    const dir = mkdtempSync(join(tmpdir(), 'layers-'));
    try {
      const files: Record<string, string> = {
        'tsconfig.json': '{"compilerOptions":{"module":"nodenext","strict":true}}',
        'src/changelog/index.ts': "export { applyOps } from './apply-ops.js';\n",
        'src/changelog/apply-ops.ts': 'export const applyOps = 1;\n',
        'src/release/good.ts': "import { applyOps } from '../changelog/index.js';\nexport const good = applyOps;\n",
        'src/release/bad.ts': "import { applyOps } from '../changelog/apply-ops.js';\nexport const bad = applyOps;\n",
      };
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      const r = cruise(dir);
      expect(r.status).not.toBe(0);
      expect(r.out).toContain('release-uses-changelog-index: src/release/bad.ts → src/changelog/apply-ops.ts');
      expect(r.out).not.toContain('src/release/good.ts →');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
