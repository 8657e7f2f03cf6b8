const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

const decoded: Record<string, string> = Object.fromEntries(Object.entries(entities).map(([c, e]) => [e, c]));

/** The text of an attribute value escaped by escapeHtml, or with numeric character references. */
export function unescapeHtml(text: string): string {
  return text
    .replace(/&#(x[0-9a-f]{1,6}|\d{1,7});/gi, (whole, n: string) => {
      const code = n[0] === 'x' || n[0] === 'X' ? Number.parseInt(n.slice(1), 16) : Number(n);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/&(amp|lt|gt|quot);/g, (e) => decoded[e]!);
}
