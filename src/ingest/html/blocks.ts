import { parseHTML } from 'linkedom';
import { DEFAULT_INPUT_LIMITS } from '../limits.ts';
import { nestsDeeperThan } from './depth.ts';
import { scanHtmlText } from './scan-text.ts';

// Elements that start a new line; everything else flows inline.
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD',
  'TH', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
}

/**
 * Text of an HTML fragment, one line per block element. Readability's `textContent` glues paragraphs
 * together ("غزة.وأضاف"), which breaks sentence splitting; walking the blocks keeps the breaks.
 * `htmlToLines('<p>أ</p><p>ب</p>')` → `'أ\nب'`.
 */
export function htmlToLines(html: string, maxDepth = DEFAULT_INPUT_LIMITS.maxHtmlDepth): string {
  if (nestsDeeperThan(html, maxDepth)) return scanHtmlText(html);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return nodeToLines(document.body as unknown as DomNode);
}

/** The same, for a node already parsed. */
export function nodeToLines(root: DomNode): string {
  const out: string[] = [];
  walk(root, out);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function walk(node: DomNode, out: string[]): void {
  if (node.nodeType === 3) {
    out.push((node.textContent ?? '').replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (SKIP.has(name)) return;
  const block = BLOCK.has(name);
  if (block) out.push('\n');
  // Sibling links, not `childNodes`: linkedom rebuilds that list on every access, which made long pages quadratic.
  for (let child = node.firstChild; child !== null; child = child.nextSibling) walk(child, out);
  if (block) out.push('\n');
}
