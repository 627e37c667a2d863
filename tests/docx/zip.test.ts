import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { runs } from '../helpers/runs.js';
import { crc32, tableCrc32, zip } from '../../src/render/docx/zip.js';
import { hasTool } from '../helpers/tools.js';
import { readZip } from './zip-reader.js';

const enc = new TextEncoder();

describe('crc32', () => {
  it('matches the standard check value, natively and by table', () => {
    for (const f of [crc32, tableCrc32]) {
      expect(f(enc.encode('123456789'))).toBe(0xcbf43926);
      expect(f(new Uint8Array())).toBe(0);
    }
  });

  it('gives the same by table as node:zlib', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (data) => {
        expect(crc32(data)).toBe(tableCrc32(data));
      }),
      { numRuns: runs(500) },
    );
  });
});

describe('zip', () => {
  it('round-trips any entries, in order, stored or deflated', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8})?\.xml$/), { minLength: 1, maxLength: 5 }), fc.array(fc.string({ maxLength: 3000 }), { minLength: 5, maxLength: 5 }), (names, bodies) => {
        const entries = names.map((name, i) => ({ name, data: enc.encode(bodies[i]!.repeat(i + 1)) }));
        const back = readZip(zip(entries));
        expect(back.map((e) => e.name)).toEqual(names);
        back.forEach((e, i) => expect(Buffer.from(e.data).equals(Buffer.from(entries[i]!.data))).toBe(true));
      }),
      { numRuns: runs(50) },
    );
  });

  it('is deterministic and refuses duplicate names', () => {
    const entries = [{ name: 'a.xml', data: enc.encode('<a/>'.repeat(100)) }];
    expect(Buffer.from(zip(entries)).equals(Buffer.from(zip(entries)))).toBe(true);
    expect(() => zip([...entries, ...entries])).toThrow(/duplicate/);
  });

  it.skipIf(!hasTool('unzip'))('passes unzip -t (Info-ZIP), when installed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    try {
      const file = join(dir, 't.zip');
      writeFileSync(file, zip([{ name: 'word/document.xml', data: enc.encode('<x/>'.repeat(500)) }, { name: 'tiny.txt', data: enc.encode('a') }]));
      const r = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
      expect(r.stdout).toContain('No errors detected');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
