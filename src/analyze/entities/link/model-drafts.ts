import type { Token } from '../../../core/annotations.ts';
import { overlaps } from '../../../core/span.ts';
import { isNationalityAdjective } from '../registry/match.ts';
import type { Registry } from '../registry/registry.ts';
import { bareNorm, isTitleWord, nameStart } from './spans.ts';
import type { Draft, ModelMention } from './types.ts';
import { isSpeaksFor } from './speaks-for.ts';

const TANWEEN = /[\u064B-\u064D]/;

/** The key of an entity the registry does not know: its type and normalized words without proclitics. */
export function docKey(type: string, tokens: readonly Token[], from: number, to: number): string {
  const words = tokens.slice(from, to).map((t, i) => (i === 0 ? bareNorm(t) : t.norm));
  return `doc:${type}:${words.join(' ')}`;
}

/**
 * Model mentions the registry did not already cover, with proclitics cut off the first word
 * (`لكيم` → `كيم`). A model name overlapping a registry name of the same type or a person is dropped: the
 * registry's reading wins. A name holding a registry name of another type stays (جامعة القاهرة holds القاهرة).
 * A "person" made of title words only (ولي ولي in ولي ولي العهد, the deputy crown prince) names nobody, and a
 * nationality adjective after a definite noun (الخطوط السعودية) names no place.
 */
export function modelDrafts(
  text: string,
  tokens: readonly Token[],
  model: readonly ModelMention[],
  named: readonly Draft[],
  registry: Registry,
): Draft[] {
  const drafts: Draft[] = [];
  for (const m of model) {
    const first = tokens[m.tokenStart];
    if (first === undefined || m.tokenEnd <= m.tokenStart) continue;
    // Tanween marks an indefinite adjective or noun (مركزاً روسياً), not a name.
    if (m.tokenEnd - m.tokenStart === 1 && TANWEEN.test(first.text)) continue;
    if (isSpeaksFor(tokens, m.tokenStart)) continue;
    const words = tokens.slice(m.tokenStart, m.tokenEnd);
    if (m.type === 'PER' && words.every((t) => isTitleWord(registry.titleWords, t))) continue;
    // The registry reads للخطوط السعودية as an adjective, not the country; a model place there is no place.
    if (words.length === 1 && isNationalityAdjective(registry, tokens, m.tokenStart)) continue;
    const start = Math.max(m.start, nameStart(first));
    const span = { start, end: m.end };
    const clash = named.some(
      (d) =>
        overlaps(d, span) && (d.type === m.type || d.type === 'PER' || !(d.start >= start && d.end <= m.end)),
    );
    if (clash) continue;
    drafts.push({
      start,
      end: m.end,
      text: text.slice(start, m.end),
      tokenStart: m.tokenStart,
      tokenEnd: m.tokenEnd,
      type: m.type,
      via: 'model',
      key: docKey(m.type, tokens, m.tokenStart, m.tokenEnd),
    });
  }
  return drafts;
}
