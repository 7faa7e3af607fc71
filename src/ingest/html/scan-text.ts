// Block-level tags end a line, as in blocks.ts; script, style and the like are dropped with their content.
const BLOCK_TAG = /^(address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)$/i;
const DROPPED = /<(script|style|noscript|template|svg|iframe|head)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
const ENTITIES: Readonly<Record<string, string>> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/**
 * Text of a page read without a DOM: for pages too deep or broken for the parser. Tags are removed (never
 * interpreted), block tags become line breaks, basic and numeric entities are decoded.
 * `scanHtmlText('<div><p>أ</p><p>ب</p></div>')` → `'أ\nب'`.
 */
export function scanHtmlText(html: string): string {
  const text = html
    .replace(DROPPED, ' ')
    .replace(/<\/?([a-zA-Z][\w:-]*)[^>]*>/g, (_tag, name: string) => (BLOCK_TAG.test(name) ? '\n' : ''))
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\r]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** The `<title>` of a page, from a scan. */
export function scanHtmlTitle(html: string): string | undefined {
  const title = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html)?.[1];
  const text = title === undefined ? '' : decodeEntities(title.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/** Decodes `&amp;`-style and numeric entities; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[\da-f]{1,6}|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      // NUL and out-of-range code points are what a hostile page would smuggle in this way.
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
