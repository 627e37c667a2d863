// Terms defined inside a clause's text rather than in a definitions table: "(an **Applicant**)",
// "(the **Application Fee**)", "(**AROs**)", "(or **S1SPKI CPS**)". The SEC writes the defined term in bold
// inside brackets, optionally after an article or 'or', and optionally in quotes. Each is addressed
// '<block ID>/term[Applicant]' (docs/format.md) and counts for duplicate-definition.

export interface InlineDefinition {
  term: string;
  /** Offset of the opening bracket in the block's text. */
  offset: number;
}

const TERM = String.raw`\*\*['"‘“]?([^*()]+?)['"’”]?\*\*`;
// '(an **X**)', '(the **X**)', '(**X**)', '(or **X**)', '(the **X**, or **Y**)'.
const INLINE_DEFINITION = new RegExp(String.raw`\((?:(?:an?|the|each|together,? the|or|and) )?${TERM}(?:,? or ${TERM})?\)`, 'g');

export function inlineDefinitions(text: string): InlineDefinition[] {
  if (!text.includes('**')) return [];
  const out: InlineDefinition[] = [];
  for (const m of text.matchAll(INLINE_DEFINITION)) {
    for (const t of [m[1], m[2]]) {
      const term = t?.trim().replace(/\s+/g, ' ') ?? '';
      if (term !== '' && !out.some((d) => d.term === term)) out.push({ term, offset: m.index });
    }
  }
  return out;
}
