// Self-checking numbering fixtures: every paragraph's text is the label Word shows for it ('-' for none), so a
// test compares the computed number with the paragraph's own text. Each exercises one rule of ECMA-376 §17.9.

import { abstractNum, lvl, num, p, table, type DocxParts } from './docx-builder.js';

const secLevels =
  lvl(0, 'decimal', 'G%1') + lvl(1, 'decimal', 'G%1.%2') + lvl(2, 'lowerLetter', '(%3)') + lvl(3, 'lowerRoman', '(%4)') + lvl(4, 'upperLetter', '(%5)') + lvl(5, 'upperRoman', '(%6)');

export const NUMBERING_FIXTURES: Record<string, DocxParts> = {
  'multi-level SEC numbering with restarts': {
    numbering: abstractNum(1, secLevels) + num(1, 1),
    body: [
      p('G1', { num: [1, 0] }), p('G1.1', { num: [1, 1] }), p('(a)', { num: [1, 2] }), p('(b)', { num: [1, 2] }),
      p('(i)', { num: [1, 3] }), p('(ii)', { num: [1, 3] }), p('(A)', { num: [1, 4] }), p('(I)', { num: [1, 5] }), p('(II)', { num: [1, 5] }),
      p('(iii)', { num: [1, 3] }), p('(c)', { num: [1, 2] }), p('G1.2', { num: [1, 1] }), p('(a)', { num: [1, 2] }),
      p('G2', { num: [1, 0] }), p('G2.1', { num: [1, 1] }), p('-'), p('G2.2', { num: [1, 1] }),
    ].join(''),
  },
  // Nums that share an abstractNum share its counters; a startOverride resets them when its num is first used
  // (LibreOffice agrees; ECMA-376 §17.9.27).
  'startOverride restarts the shared sequence at its first use': {
    numbering: abstractNum(1, lvl(0, 'decimal', '%1.') + lvl(1, 'lowerLetter', '(%2)')) + num(1, 1) + num(2, 1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'),
    body: [p('1.', { num: [1, 0] }), p('2.', { num: [1, 0] }), p('5.', { num: [2, 0] }), p('(a)', { num: [2, 1] }), p('6.', { num: [2, 0] }), p('7.', { num: [1, 0] })].join(''),
  },
  // A replacement w:lvl changes how the level looks; its w:start applies only where the level restarts.
  'lvlOverride replaces a whole level': {
    numbering: abstractNum(1, lvl(0, 'decimal', '%1.') + lvl(1, 'decimal', '%1.%2')) + num(1, 1) + num(2, 1, `<w:lvlOverride w:ilvl="1">${lvl(1, 'upperLetter', '[%2]').replace('<w:start w:val="1"/>', '<w:start w:val="3"/>')}</w:lvlOverride>`),
    body: [p('1.', { num: [1, 0] }), p('1.1', { num: [1, 1] }), p('[B]', { num: [2, 1] }), p('[C]', { num: [2, 1] })].join(''),
  },
  // LibreOffice does not implement w:isLgl or w:lvlRestart: these two are checked against the specification only.
  'isLgl shows every level as decimal': {
    numbering: abstractNum(1, lvl(0, 'upperRoman', 'Article %1') + lvl(1, 'decimal', '%1.%2', '<w:isLgl/>') + lvl(2, 'lowerLetter', '%1.%2(%3)')) + num(1, 1),
    body: [p('Article I', { num: [1, 0] }), p('Article II', { num: [1, 0] }), p('2.1', { num: [1, 1] }), p('II.1(a)', { num: [1, 2] })].join(''),
  },
  'lvlRestart: 0 never restarts, 1 restarts only after level 0': {
    numbering:
      abstractNum(1, lvl(0, 'decimal', '%1') + lvl(1, 'decimal', '%1.%2', '<w:lvlRestart w:val="0"/>')) + num(1, 1) +
      abstractNum(2, lvl(0, 'upperLetter', '%1') + lvl(1, 'decimal', '%1-%2') + lvl(2, 'lowerLetter', '%1-%2%3', '<w:lvlRestart w:val="1"/>')) + num(2, 2),
    body: [
      p('1', { num: [1, 0] }), p('1.1', { num: [1, 1] }), p('1.2', { num: [1, 1] }), p('2', { num: [1, 0] }), p('2.3', { num: [1, 1] }),
      p('A', { num: [2, 0] }), p('A-1', { num: [2, 1] }), p('A-1a', { num: [2, 2] }), p('A-2', { num: [2, 1] }), p('A-2b', { num: [2, 2] }), p('B', { num: [2, 0] }), p('B-1', { num: [2, 1] }), p('B-1a', { num: [2, 2] }),
    ].join(''),
  },
  'decimalZero, letters past z, roman past x': {
    numbering: abstractNum(1, lvl(0, 'decimalZero', '%1)')) + num(1, 1) + abstractNum(2, lvl(0, 'lowerLetter', '(%1)')) + num(2, 2, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="25"/></w:lvlOverride>') + abstractNum(3, lvl(0, 'upperRoman', '%1.')) + num(3, 3, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="9"/></w:lvlOverride>'),
    body: [
      ...['01)', '02)', '03)', '04)', '05)', '06)', '07)', '08)', '09)', '10)', '11)'].map((t) => p(t, { num: [1, 0] })),
      ...['(y)', '(z)', '(aa)', '(bb)'].map((t) => p(t, { num: [2, 0] })),
      ...['IX.', 'X.', 'XI.', 'XII.'].map((t) => p(t, { num: [3, 0] })),
    ].join(''),
  },
  'numbering through paragraph styles (pStyle → numPr, lvl pStyle), and numId 0 removes it': {
    styles:
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="SECClause"><w:name w:val="SEC Clause"/><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
    numbering: abstractNum(1, lvl(0, 'decimal', '%1', '<w:pStyle w:val="Heading1"/>') + lvl(1, 'decimal', '%1.%2', '<w:pStyle w:val="Heading2"/>') + lvl(2, 'decimal', '%1.%2.%3')) + num(1, 1),
    body: [
      p('1', { style: 'Heading1' }), p('1.1', { style: 'Heading2' }), p('1.1.1', { style: 'SECClause' }), p('1.1.2', { style: 'SECClause' }),
      `<w:p><w:pPr><w:pStyle w:val="SECClause"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>-</w:t></w:r></w:p>`,
      p('1.2', { style: 'Heading2' }), p('1.2.1', { style: 'SECClause' }), p('2', { style: 'Heading1' }),
    ].join(''),
  },
  'numStyleLink / styleLink: a list style shared by two definitions': {
    styles: '<w:style w:type="numbering" w:styleId="SECList"><w:name w:val="SEC List"/><w:pPr><w:numPr><w:numId w:val="10"/></w:numPr></w:pPr></w:style>',
    numbering:
      abstractNum(10, lvl(0, 'decimal', 'M%1') + lvl(1, 'decimal', 'M%1.%2'), '<w:styleLink w:val="SECList"/>') +
      abstractNum(11, '', '<w:numStyleLink w:val="SECList"/>') + num(10, 10) + num(11, 11),
    body: [p('M1', { num: [11, 0] }), p('M1.1', { num: [11, 1] }), p('M1.2', { num: [10, 1] }), p('M2', { num: [11, 0] })].join(''),
  },
  'a list continues across a table, a heading and plain paragraphs': {
    styles: '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>',
    numbering: abstractNum(1, lvl(0, 'decimal', '3.%1') + lvl(1, 'lowerLetter', '(%2)')) + num(1, 1),
    body: [
      p('3.1', { num: [1, 0] }), p('(a)', { num: [1, 1] }),
      table([[p('-'), p('3.2', { num: [1, 0] })], [p('(a)', { num: [1, 1] }), p('-')]]),
      p('-', { style: 'Heading2' }), p('-'), p('(b)', { num: [1, 1] }), p('3.3', { num: [1, 0] }),
    ].join(''),
  },
  'nine levels': {
    numbering: abstractNum(1, Array.from({ length: 9 }, (_, i) => lvl(i, 'decimal', Array.from({ length: i + 1 }, (_, k) => `%${k + 1}`).join('.'))).join('')) + num(1, 1),
    body: ['1', '1.1', '1.1.1', '1.1.1.1', '1.1.1.1.1', '1.1.1.1.1.1', '1.1.1.1.1.1.1', '1.1.1.1.1.1.1.1', '1.1.1.1.1.1.1.1.1', '1.1.1.1.1.1.1.1.2', '1.1.2', '1.1.2.1', '2']
      .map((t) => p(t, { num: [1, t.split('.').length - 1] }))
      .join(''),
  },
};
