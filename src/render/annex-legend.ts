// The legend of the Annex A, worded for how each output shows changes. Shared by the DOCX, HTML and Markdown
// renderers so the three say the same thing.

export type LegendMode = 'visual' | 'tracked' | 'clean' | 'critic';

export interface LegendPart {
  text: string;
  /** Shown as a sample of deleted or inserted text (never a real revision). */
  sample?: 'delete' | 'insert';
}

export type LegendLine = LegendPart[];

/**
 * `notes` says how the renderer shows which item makes a change: 'tag' ([Item 3] after the text) or
 * 'comment' (a comment beside the text — a Word comment, a CriticMarkup comment — never part of it).
 */
export function legendLines(mode: LegendMode, hasItems: boolean, notes: 'tag' | 'comment' = 'tag', example = 'Item 3'): LegendLine[] {
  const lines = modeLines(mode, notes);
  if (hasItems && mode !== 'clean') {
    lines.push([
      {
        text:
          notes === 'comment'
            ? mode === 'critic'
              ? 'Where a change comes from a numbered item of the modification, a CriticMarkup comment after the changed text names the item and summarises it; comments are not part of the text.'
              : `Where a change comes from a numbered item of the modification, a comment in the margin names the item and summarises it, for example “${example}: …”; comments are not part of the text.`
            : 'Where a change comes from a numbered item of the modification, the item number follows the changed text in square brackets, for example [Item 3].',
      },
    ]);
  }
  return lines;
}

function modeLines(mode: LegendMode, notes: 'tag' | 'comment'): LegendLine[] {
  switch (mode) {
    case 'visual':
      return [
        [{ text: 'Deleted text is shown struck through in red: ' }, { text: 'deleted text', sample: 'delete' }, { text: '.' }],
        [{ text: 'New text is shown underlined in blue: ' }, { text: 'new text', sample: 'insert' }, { text: '.' }],
      ];
    case 'tracked':
      return [
        [{ text: 'Each deletion and insertion is a tracked change (revision), shown as your word processor shows revisions. Accepting all changes gives the amended text; rejecting all changes gives the current text.' }],
        [
          {
            text:
              notes === 'comment'
                ? 'Instructions, headings and ellipses are not revisions.'
                : 'Instructions, headings and ellipses are not revisions; an item number is part of a revision only where a whole paragraph or row is inserted or deleted.',
          },
        ],
      ];
    case 'clean':
      return [[{ text: 'This version shows the text as amended, without change marks; deleted text is left out.' }]];
    case 'critic':
      return [
        [{ text: 'Deleted text is shown as ' }, { text: 'deleted text', sample: 'delete' }, { text: ' and new text as ' }, { text: 'new text', sample: 'insert' }, { text: ' (CriticMarkup).' }],
      ];
  }
}

/** "[Item 7]", "[Items 3, 26]"; '' when there are none. */
export function itemTag(items: readonly string[]): string {
  if (items.length === 0) return '';
  // A release qualifies items with their modification ('MP250 item 7'): those already say what they are.
  if (items.some((i) => / item /.test(i))) return `[${items.join('; ')}]`;
  return items.length === 1 ? `[Item ${items[0]}]` : `[Items ${items.join(', ')}]`;
}

/** 'redlined against SEC 2024-06' → 'Redlined against SEC 2024-06'. */
export function sentenceCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
