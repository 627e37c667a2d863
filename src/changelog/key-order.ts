// The order rows keep in SEC tables: definitions alphabetically (case and quotes ignored), codes in natural
// order (E9 < E64 < E100). One comparator does both: runs of digits compare as numbers, everything else as
// lower-case text.

const QUOTES = /['"‘’“”]/g;

function chunks(key: string): (string | number)[] {
  const norm = key.replace(QUOTES, '').toLowerCase().trim();
  const out: (string | number)[] = [];
  for (const m of norm.matchAll(/\d+|\D+/g)) out.push(/^\d/.test(m[0]) ? Number(m[0]) : m[0]);
  return out;
}

export function compareKeys(a: string, b: string): number {
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    if (typeof p === 'number') return -1; // digits before letters, as in code point order
    if (typeof q === 'number') return 1;
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * Where a new key goes among existing keys in key order: the index to insert before, or null when the keys
 * are not in order around it (no single place is consistent with the table's order).
 */
export function keyPosition(keys: readonly string[], key: string): number | null {
  let found: number | null = null;
  for (let i = 0; i <= keys.length; i++) {
    const before = i === 0 || compareKeys(keys[i - 1]!, key) < 0;
    const after = i === keys.length || compareKeys(key, keys[i]!) < 0;
    if (before && after) {
      if (found !== null) return null;
      found = i;
    }
  }
  return found;
}
