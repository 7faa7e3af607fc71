/**
 * Markdown to the plain text an article reader sees: heading marks, emphasis, link and image syntax,
 * block quotes and list bullets go; the words stay, one line per line.
 * `markdownToText('# عنوان\n**نص** [رابط](http://x)')` → `'عنوان\nنص رابط'`.
 */
export function markdownToText(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s{0,3}>\s?/, '')
        .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
        .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1/g, '$2'),
    )
    .filter((line) => !/^\s*(?:[-*_]\s*){3,}$/.test(line) && !/^\s*```/.test(line))
    .join('\n');
}
