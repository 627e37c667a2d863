// The sample documents in sections/ carry a few mistakes on purpose (for check, fmt and the redline demos):
// check must find exactly those, and nothing else. When a sample document changes, update this list only
// for findings that are meant to be there.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const repo = join(import.meta.dirname, '../..');

const EXPECTED = [
  // Four documents define TLS: Sections A and G (G spells it out as 'Transport Layer Security'), Appendices P
  // and AD — one warning at each.
  "sections/appendix-AD.md:24:1  warning: 'TLS' is also defined in 3 other documents: sections/appendix-P.md:29, sections/section-A.md:65 and sections/section-G.md:103  [duplicate-definition]",
  // The error code table of Appendix AD 3.5.10 skips E64.
  "sections/appendix-AD.md:134:1  Gap in the codes of table Appendix AD 3.5.10/table1: E64 missing between 'E63' and 'E65'  [code-gap]",
  // The channel rows of Appendix AD 3.8.82.2 are duplicated.
  "sections/appendix-AD.md:679:1  Duplicate key 'LowerBandSubGHzChannels0To26' in table Appendix AD 3.8.82.2/table1: first at sections/appendix-AD.md:675 (this row's ID is Appendix AD 3.8.82.2[LowerBandSubGHzChannels0To26#2])  [duplicate-key]",
  "sections/appendix-AD.md:680:1  Duplicate key 'LowerBandSubGHzChannels27To34' in table Appendix AD 3.8.82.2/table1: first at sections/appendix-AD.md:676 (this row's ID is Appendix AD 3.8.82.2[LowerBandSubGHzChannels27To34#2])  [duplicate-key]",
  "sections/appendix-AD.md:681:1  Duplicate key 'LowerBandSubGHzChannels35To61' in table Appendix AD 3.8.82.2/table1: first at sections/appendix-AD.md:677 (this row's ID is Appendix AD 3.8.82.2[LowerBandSubGHzChannels35To61#2])  [duplicate-key]",
  "sections/appendix-AD.md:682:1  Duplicate key 'UpperBandSubGHzChannels0To26' in table Appendix AD 3.8.82.2/table1: first at sections/appendix-AD.md:678 (this row's ID is Appendix AD 3.8.82.2[UpperBandSubGHzChannels0To26#2])  [duplicate-key]",
  "sections/appendix-P.md:29:1  warning: 'TLS' is also defined in 3 other documents: sections/appendix-AD.md:24, sections/section-A.md:65 and sections/section-G.md:103  [duplicate-definition]",
  "sections/section-A.md:65:1  warning: 'TLS' is also defined in 3 other documents: sections/appendix-AD.md:24, sections/appendix-P.md:29 and sections/section-G.md:103  [duplicate-definition]",
  "sections/section-G.md:103:1  warning: 'Transport Layer Security' (TLS) is also defined in 3 other documents: sections/appendix-AD.md:24, sections/appendix-P.md:29 and sections/section-A.md:65  [duplicate-definition]",
];

describe('check sections/', () => {
  it('the sample documents are present', () => {
    expect(existsSync(join(repo, 'sections', 'section-G.md'))).toBe(true);
  });
  it('reports exactly the mistakes the sample documents carry on purpose', async () => {
    const r = await runCli(['check'], repo);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(EXPECTED);
    expect(r.code).toBe(1);
  });

  it('references to documents outside sections/ are all resolvable or absent', async () => {
    const r = await runCli(['check', '--missing-documents', '--only', 'dangling-reference'], repo);
    expect(r.stdout).toBe('');
  });
});
