// A SEC-scale Word document for the import benchmark: one Section of about `pages` pages (≈15 blocks a page),
// numbered the way SECAS's Word files are — part headings by a heading style linked to the list ('X1'), clauses
// by the list's second level ('X1.5'), sub-paragraphs by its third and fourth ('(a)', '(i)') — with cross-headings,
// 'Not used' clauses and a definitions table every hundred pages. Deterministic: the same seed gives the same bytes.

import { strToU8, zipSync } from 'fflate';
import { prng, sentence, subText } from './corpus.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const lvl = (i, fmt, text, extra = '') =>
  `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}<w:pPr><w:ind w:left="${720 * (i + 1)}" w:hanging="720"/></w:pPr></w:lvl>`;

const NUMBERING =
  `<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>` +
  lvl(0, 'decimal', 'X%1', '<w:pStyle w:val="Heading2"/>') + lvl(1, 'decimal', 'X%1.%2') + lvl(2, 'lowerLetter', '(%3)') + lvl(3, 'lowerRoman', '(%4)') +
  `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

const STYLES =
  `<w:styles xmlns:w="${W}">` +
  `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>` +
  `<w:style w:type="paragraph" w:styleId="SECClause"><w:name w:val="SEC Clause"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
  `</w:styles>`;

const run = (text, bold = false) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const para = (pPr, runs) => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
const numPr = (ilvl) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr>`;

/** Returns the .docx bytes and what it holds. */
export function generateWordDocument({ pages = 3000, seed = 20240627 } = {}) {
  const r = prng(seed);
  const parts = [];
  let blocks = 0;
  let words = 0;
  const target = pages * 15;
  let part = 0;
  while (blocks < target) {
    part++;
    parts.push(para('<w:pStyle w:val="Heading2"/>', run(`${r.pick(['General', 'Security', 'Charges', 'Testing', 'Services', 'Reporting'])} Provisions`)));
    blocks++;
    const clauses = r.int(8, 30);
    for (let c = 0; c < clauses && blocks < target; c++) {
      if (r.chance(0.05)) {
        parts.push(para('<w:pStyle w:val="Heading3"/>', run(`${r.pick(['Notices', 'Records', 'Audit', 'Suspension'])} Arrangements`)));
        blocks++;
      }
      if (r.chance(0.02)) {
        parts.push(para('<w:pStyle w:val="SECClause"/>', run('Not used')));
        blocks++;
        continue;
      }
      const text = sentence(r, r.int(20, 60));
      words += text.split(' ').length;
      // Half the clauses carry a run of bold (a defined term) in the middle, as real documents do.
      const cut = text.indexOf(' ', 20);
      const runs = r.chance(0.5) && cut > 0 ? run(text.slice(0, cut + 1)) + run('Smart Metering System', true) + run(text.slice(cut)) : run(text);
      parts.push(para('<w:pStyle w:val="SECClause"/>', runs));
      blocks++;
      if (r.chance(0.25)) {
        const subs = r.int(2, 6);
        for (let s = 0; s < subs; s++) {
          const t = subText(r);
          words += t.split(' ').length;
          parts.push(para(numPr(2), run(t)));
          blocks++;
          if (r.chance(0.15)) {
            for (let k = 0; k < 2; k++) {
              const u = subText(r);
              words += u.split(' ').length;
              parts.push(para(numPr(3), run(u)));
              blocks++;
            }
          }
        }
      }
      if (blocks % 1500 < 15 && r.chance(0.5)) {
        const rows = [['Expression', 'Meaning']];
        for (let k = 0; k < 20; k++) rows.push([`Term ${part}-${c}-${k}`, sentence(r, r.int(10, 30))]);
        parts.push(`<w:tbl>${rows.map((row, i) => `<w:tr>${row.map((cell, j) => `<w:tc>${para('', run(cell, i > 0 && j === 0))}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`);
        blocks += rows.length;
      }
    }
  }
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${REL}"><w:body>${parts.join('')}<w:sectPr/></w:body></w:document>`;
  const custom = `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    ['kind:section', 'code:X', 'version:SEC 2024-06'].map((kv, i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${kv.split(':')[0]}"><vt:lpwstr>${kv.split(':')[1]}</vt:lpwstr></property>`).join('') + '</Properties>';
  const core = `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Benchmark Provisions</dc:title></cp:coreProperties>`;
  const files = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
        `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="${REL}/custom-properties" Target="docProps/custom.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'word/document.xml': strToU8(document),
    'word/numbering.xml': strToU8(NUMBERING),
    'word/styles.xml': strToU8(STYLES),
    'docProps/custom.xml': strToU8(custom),
    'docProps/core.xml': strToU8(core),
  };
  return { bytes: zipSync(files, { mtime: new Date(2024, 0, 1) }), blocks, words, pages, xmlBytes: document.length };
}
