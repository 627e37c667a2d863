// Escaping for HTML text and attribute values: the one place every HTML renderer escapes user text.

/** Text safe inside an element or a double- or single-quoted attribute value. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
