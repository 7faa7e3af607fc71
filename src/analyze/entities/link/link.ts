import { normalizeArabic } from '../../../text/normalize.ts';
import { scanRegistry } from '../registry/match.ts';
import type { Registry } from '../registry/registry.ts';
import { aliasDrafts } from './aliases.ts';
import { assemble } from './assemble.ts';
import { descriptionDrafts } from './descriptions.ts';
import { guestDrafts } from './guest.ts';
import { modelDrafts, oneTypePerName } from './model-drafts.ts';
import { citiesInNames, registryDrafts } from './registry-drafts.ts';
import { appositionTitle } from './titles.ts';
import type { Span } from '../../../core/span.ts';
import type { Draft, LinkInput, LinkResult, ModelMention } from './types.ts';

/**
 * Links names to entities in one article. Pure: the same input gives the same output.
 * `linkEntities(registry, {text, tokens, sentences, modelMentions: []})` → registry actors and their mentions.
 */
export function linkEntities(registry: Registry, input: LinkInput): LinkResult {
  const { text, tokens, date } = input;
  const starts = input.sentences.map((s) => s.tokenStart);
  // 1. Registry names first: they carry canonical ids and settle the model's guesses they overlap.
  const scan = scanRegistry(registry, text, tokens);
  const named = registryDrafts(registry, scan.matches);
  // 2. The model's names the registry does not know.
  const model = oneTypePerName(
    modelDrafts(
      text,
      tokens,
      withoutTimes(input.modelMentions, input.times ?? []),
      named,
      registry,
      scan.blocked,
    ),
  );
  const names = [...citiesInNames(registry, named, model), ...model];
  // 3. Descriptions need the article's people (the one Russian president named) — after 1–2.
  const described = descriptionDrafts(registry, text, tokens, names, date);
  // 4. Short forms: their choice between two full names weighs every mention found so far.
  const soFar = [...names, ...described];
  const { added, replaced } = aliasDrafts(registry, text, tokens, starts, soFar);
  const linked = [...soFar.filter((d) => !replaced.has(d)), ...added];
  // 5. The guest last: a visitor among the people named, described or short-named.
  const drafts = [...linked, ...guestDrafts(text, tokens, linked)];
  // 6. Titles in apposition, kept on the entity the name belongs to.
  const titles = new Map<string, string[]>();
  const people = drafts.filter((d) => d.type === 'PER' && d.via !== 'description');
  for (const d of people) {
    if (d.via === 'coreference') continue;
    const title = appositionTitle(registry, text, tokens, d, people);
    if (title === undefined) continue;
    const list = titles.get(d.key) ?? [];
    if (!list.some((t) => normalizeArabic(t) === normalizeArabic(title))) list.push(title);
    titles.set(d.key, list);
  }
  return assemble(registry, drafts as Draft[], titles);
}

/** Model names not inside a time expression (نيسان in أبريل (نيسان) is April, not Nissan). */
function withoutTimes(model: readonly ModelMention[], times: readonly Span[]): readonly ModelMention[] {
  if (times.length === 0) return model;
  return model.filter((m) => !times.some((t) => t.start <= m.start && m.end <= t.end));
}
