// The drafter of a change log is a role or organisation ('SECAS', 'DCC', 'Change Sub-Committee'), never a
// person: change logs are published with the Modification Report, and naming individuals there is not wanted.
// A heuristic cannot be certain, so it errs towards accepting anything that names a body.

const ROLE_WORDS =
  /\b(secas|dcc|panel|committee|sub-committee|group|board|secretariat|administrator|team|company|authority|ofgem|services?|limited|ltd|plc|operator|provider|code|council|forum|working|function|office|department|proposer|drafter|supplier|network|party|parties)\b/i;

/** A reason the value looks like a person's name, or null when it reads as a role or organisation. */
export function personalNameReason(value: string): string | null {
  const v = value.trim();
  if (ROLE_WORDS.test(v)) return null;
  if (/@/.test(v)) return 'it looks like an e-mail address';
  if (/\d{5,}|\+\d/.test(v.replace(/\s/g, ''))) return 'it looks like a phone number';
  // Two to four capitalised words ('Jo Bloggs', 'Mary Ann Smith', "D'Arcy O'Neill"): a personal name.
  const words = v.split(/\s+/);
  if (words.length >= 2 && words.length <= 4 && words.every((w) => /^(?:[A-Z][a-z'’-]+|[A-Z]\.?|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+)$/.test(w))) {
    return 'it looks like a personal name';
  }
  return null;
}

/**
 * Stricter than the check above, for names nobody chose for publication (a Word revision's author: often a login
 * such as 'jbloggs' or 'Bloggs, J'): true only when the value contains a role or organisation word and nothing
 * that looks like an e-mail address or phone number.
 */
export function readsAsRole(value: string): boolean {
  const v = value.trim();
  return ROLE_WORDS.test(v) && !/@/.test(v) && !/\d{5,}|\+\d/.test(v.replace(/\s/g, ''));
}
