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
  // Every definition is bracketed bold: cheap tests first, as this runs on every block of the Code.
  if (!text.includes('**') || !text.includes('(')) return [];
  const out: InlineDefinition[] = [];
  // exec over the one global expression (matchAll would copy it for every block).
  INLINE_DEFINITION.lastIndex = 0;
  for (let m = INLINE_DEFINITION.exec(text); m; m = INLINE_DEFINITION.exec(text)) {
    for (const t of [m[1], m[2]]) {
      const term = t?.trim().replace(/\s+/g, ' ') ?? '';
      if (term !== '' && !out.some((d) => d.term === term)) out.push({ term, offset: m.index });
    }
  }
  return out;
}
