// ECMA-376 schema validation of every XML part of a DOCX, through ../shared/ooxml/validate-docx (xmllint).
// An independent oracle: Word itself is not available here, and the schemas are what Word's parser enforces.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { requireTool } from './tools.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VALIDATE_DOCX = resolve(root, '..', 'shared', 'ooxml', 'validate-docx');

/** True when the validator and its tools are present (throws in CI when they are not; loud skip elsewhere). */
export function canValidateDocx(): boolean {
  if (!existsSync(VALIDATE_DOCX)) {
    const message = `${VALIDATE_DOCX} is missing; DOCX schema validation cannot run`;
    if (process.env['CI'] === 'true') throw new Error(`${message}. It is required in CI.`);
    console.warn(`\n!!! SKIPPING: ${message}.\n`);
    return false;
  }
  return requireTool('xmllint') && requireTool('unzip');
}

/** Validates the files; returns the validator's problem lines (empty when every part is valid). */
export function validateDocx(...files: string[]): string[] {
  const r = spawnSync('bash', [VALIDATE_DOCX, ...files], { encoding: 'utf8' });
  if (r.status === 0) return [];
  const lines = `${r.stdout}${r.stderr}`.split('\n').filter((l) => l.trim() !== '');
  return lines.length > 0 ? lines : [`validate-docx exited ${String(r.status)}`];
}
