import { unescapeHtml } from '../../shared/html.js';

/**
 * Open and click tracking of one email (product.md §3 "Disable open tracking"): links are
 * rewritten to `/t/c/<token>.<position>`, which records the click and redirects; an open pixel
 * `/t/o/<token>.gif` is added when the message and the workspace both allow it.
 */

// An <a>'s own href (not data-href), quoted, to an http(s) address.
const LINK = /(<a\b[^>]*?\shref\s*=\s*)(["'])(https?:\/\/[^"']+)\2/gi;

export interface TrackedEmail {
  html: string;
  /** The original targets, by position. */
  links: string[];
}

export function trackEmail(
  html: string,
  options: { baseUrl: string; token: string; pixel: boolean },
): TrackedEmail {
  const links: string[] = [];
  let tracked = html.replace(LINK, (whole, start: string, quote: string, url: string) => {
    // Stored as a parsed URL (é, spaces and the like percent-encoded): the redirect is then valid.
    const target = URL.canParse(unescapeHtml(url).trim()) ? new URL(unescapeHtml(url).trim()).href : null;
    if (!target) return whole;
    links.push(target);
    return `${start}${quote}${options.baseUrl}/t/c/${options.token}.${links.length - 1}${quote}`;
  });
  if (options.pixel) {
    const pixel = `<img src="${options.baseUrl}/t/o/${options.token}.gif" width="1" height="1" alt="" style="border:0">`;
    tracked = /<\/body>/i.test(tracked) ? tracked.replace(/<\/body>/i, `${pixel}</body>`) : tracked + pixel;
  }
  return { html: tracked, links };
}

/** A plain-text part for an HTML email: its text, tags dropped, entities read. */
export function textOf(html: string): string {
  return unescapeHtml(
    html
      .replace(/<(style|script)\b[\s\S]*?<\/\1>/gi, '')
      .replace(/<br\s*\/?>|<\/(p|div|h\d|li|tr)>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
