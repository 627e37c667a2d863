import { describe, expect, it } from 'vitest';
import { renderItemsTableMarkdown } from '../../src/render/table-md.js';
import { renderItemsTableDocx } from '../../src/render/table-docx.js';
import type { ItemRow } from '../../src/render/table-items.js';
import { requireTool } from '../helpers/tools.js';
import { zipText } from './zip-reader.js';
import { elements, parseXml, textOf } from './xml-tree.js';
import { pandocUnits } from './pandoc.js';

const ITEMS: ItemRow[] = [
  { id: '1', summary: 'No definition of SM WAN', sections: ['Section A1.1'], proposed: "Amend the definition of 'SM WAN'" },
  { id: '8', summary: "Six instances of the term 'Fax' | to be updated", sections: ['Section M2.4', 'Section M2.5'], proposed: "Replace each instance of *Fax* with 'Email'" },
];

describe('items table', () => {
  it('Markdown: one row per item, pipes escaped, sections one per line', () => {
    expect(renderItemsTableMarkdown(ITEMS)).toBe(
      [
        '| Item | Summary of error | Sections affected | Proposed change |',
        '| --- | --- | --- | --- |',
        "| 1 | No definition of SM WAN | Section A1.1 | Amend the definition of 'SM WAN' |",
        "| 8 | Six instances of the term 'Fax' \\| to be updated | Section M2.4<br>Section M2.5 | Replace each instance of *Fax* with 'Email' |",
        '',
      ].join('\n'),
    );
  });

  it('DOCX: a table with a repeating header row, formatting instead of Markdown syntax', () => {
    const docx = renderItemsTableDocx(ITEMS, { date: '2024-05-22T00:00:00Z', title: 'MP999 items' });
    const root = parseXml(zipText(docx, 'word/document.xml'));
    const rows = elements(root, 'w:tr');
    expect(rows).toHaveLength(3);
    expect(elements(rows[0]!, 'w:tblHeader')).toHaveLength(1);
    expect(elements(rows[0]!, 'w:tc').map(textOf)).toEqual(['Item', 'Summary of error', 'Sections affected', 'Proposed change']);
    expect(elements(rows[2]!, 'w:tc').map(textOf)[3]).toBe("Replace each instance of Fax with 'Email'");
    expect(elements(rows[2]!, 'w:i')).toHaveLength(1);
    expect(elements(root, 'w:ins')).toHaveLength(0);
    expect(Buffer.from(renderItemsTableDocx(ITEMS, { date: '2024-05-22T00:00:00Z', title: 'MP999 items' })).equals(Buffer.from(docx))).toBe(true);
  });

  it.skipIf(!requireTool('pandoc'))('DOCX reads back in pandoc', () => {
    const units = pandocUnits(renderItemsTableDocx(ITEMS, { date: '2024-05-22T00:00:00Z' }), 'accept');
    const table = units.find((u) => u.style === 'table')!;
    expect(table.rows).toEqual([
      ['Item', 'Summary of error', 'Sections affected', 'Proposed change'],
      ['1', 'No definition of SM WAN', 'Section A1.1', "Amend the definition of 'SM WAN'"],
      ['8', "Six instances of the term 'Fax' | to be updated", 'Section M2.4\nSection M2.5', "Replace each instance of Fax with 'Email'"],
    ]);
  });
});
