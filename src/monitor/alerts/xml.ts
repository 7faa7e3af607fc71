// Everything XML 1.0 allows in a document (§2.2 Char); the rest — C0 controls, lone surrogates, U+FFFE/FFFF —
// makes it ill-formed, and scraped titles do carry such bytes.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Drops the characters XML 1.0 cannot carry. `xmlChars('a\u0001b')` → `'ab'`. */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** Escapes untrusted text for element content. `escapeText('<script> & co')` → `'&lt;script&gt; &amp; co'`. */
export function escapeText(text: string): string {
  return xmlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes untrusted text for a double-quoted attribute; line breaks and tabs become character references so
 * attribute normalization keeps them. `escapeAttribute('a"b')` → `'a&quot;b'`.
 */
export function escapeAttribute(text: string): string {
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** One element with escaped attributes and text. `element('title', 'a & b', {type: 'text'})` → `<title type="text">a &amp; b</title>`. */
export function element(
  name: string,
  text: string | undefined,
  attributes: Readonly<Record<string, string | undefined>> = {},
): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('');
  return text === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${escapeText(text)}</${name}>`;
}
