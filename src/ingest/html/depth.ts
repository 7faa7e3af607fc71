// Elements that never hold children, or that pages leave open and parsers close implicitly (<p>, <li>):
// counting them would make sloppy but shallow pages look deep.
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'thead', 'tbody', 'tfoot',
]);

// Comments and script/style bodies come first so that tags written inside them are not counted.
const TAG = /<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/gi;

/**
 * True when the page nests elements deeper than `limit`, from a scan of its tags (no DOM). The DOM parser
 * and Readability slow down quadratically and recurse per level: 100k nested `<div>`s take tens of seconds
 * and overflow the stack, so such pages are read without them. `nestsDeeperThan('<div><div>', 1)` → true.
 */
export function nestsDeeperThan(html: string, limit: number): boolean {
  let depth = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match !== null; match = TAG.exec(html)) {
    const name = match[3]?.toLowerCase();
    if (name === undefined || NOT_NESTING.has(name) || match[4] === '/') continue;
    if (match[2] === '/') depth = Math.max(0, depth - 1);
    else if (++depth > limit) return true;
  }
  return false;
}
