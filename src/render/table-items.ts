// The Modification Report's items table: one row per change-log item, "Summary of error | Sections affected |
// Proposed change", preceded by the item number the Annex A tags its changes with ([Item 7]).

export interface ItemRow {
  /** Change-log item id: '1' … '27'. */
  id: string;
  /** Inline Markdown. */
  summary: string;
  /** One entry per section affected (plain text, e.g. "Section G3.5", "Appendix AD 3.5.10"). */
  sections: string[];
  /** Inline Markdown. */
  proposed: string;
}

export const ITEM_COLUMNS = ['Item', 'Summary of error', 'Sections affected', 'Proposed change'] as const;
