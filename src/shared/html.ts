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

/** The text of an attribute value escaped by escapeHtml (and the common &#x27; / &#34; forms). */
export function unescapeHtml(text: string): string {
  return text
    .replace(/&#x27;|&#34;/g, (e) => (e === '&#x27;' ? "'" : '"'))
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => decoded[e]!);
}
