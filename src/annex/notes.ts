// Item notes: which change-log item makes which changes, said beside the text rather than in it. A tag typed
// into a clause ("[Item 3]") would be part of the legal text — accepting every revision would keep it — so
// each item gets one note per passage (an instruction and the clauses it covers), anchored from the first
// block or row the item changes to the last. Renderers turn a note into a Word comment or a CriticMarkup
// comment; neither is text of the clause.

import type { AnnexAnchor, AnnexItemInfo, AnnexNote, AnnexPart, AnnexRow, AnnexTextBlock } from './types.js';
import { sortItems } from './blocks.js';

/** 'Item 8'; a release's qualified 'MP250 item 8' stays as it is. */
export function itemLabel(item: string): string {
  return / item /.test(item) ? item : `Item ${item}`;
}

type Unit = { items: readonly string[]; target: AnnexTextBlock | AnnexRow };

function anchorOf(target: { anchor?: AnnexAnchor }): AnnexAnchor {
  target.anchor ??= { start: [], end: [] };
  return target.anchor;
}

/** Fills in `notes` and the anchors of every part's instructions, blocks and rows. */
export function anchorNotes(parts: readonly AnnexPart[], infos: readonly AnnexItemInfo[]): AnnexNote[] {
  const byId = new Map(infos.map((i) => [i.id, i]));
  const notes: AnnexNote[] = [];
  const note = (item: string): number => {
    const info = byId.get(item);
    const label = itemLabel(item);
    const summary = info?.summary.trim() ?? '';
    notes.push({ item, label, text: summary === '' ? label : `${label}: ${summary}`, modification: info?.modification ?? null });
    return notes.length - 1;
  };
  for (const part of parts) {
    let instruction: Extract<AnnexPart['content'][number], { type: 'instruction' }> | null = null;
    let units: Unit[] = [];
    const flush = (): void => {
      const items = sortItems([...(instruction?.items ?? []), ...units.flatMap((u) => u.items)]);
      for (const item of items) {
        const hits = units.filter((u) => u.items.includes(item));
        const first = hits[0]?.target ?? instruction;
        const last = hits[hits.length - 1]?.target ?? instruction;
        if (!first || !last) continue;
        const n = note(item);
        anchorOf(first).start.push(n);
        anchorOf(last).end.push(n);
      }
      units = [];
    };
    for (const c of part.content) {
      if (c.type === 'instruction') {
        flush();
        instruction = c;
      } else if (c.type === 'clause') {
        for (const b of c.blocks) {
          if (b.type === 'text') units.push({ items: b.items, target: b });
          else {
            units.push({ items: b.header.items, target: b.header });
            for (const r of b.rows) if (r.type === 'row') units.push({ items: r.items, target: r });
          }
        }
      }
    }
    flush();
  }
  return notes;
}
