import type { Registry } from '../../analyze/entities/registry/registry.ts';
import type { Mention } from '../../core/annotations.ts';
import type { AnalyzedDocument } from '../../core/document.ts';
import { actorKey } from '../../store/layers.ts';
import type { ActorCandidate } from './actor-ref.ts';
import { nameWords } from './words.ts';

/** A word of the clean text, normalized as the search index has it, with the span of its token. */
export interface IndexedWord {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/** An actor as written at one place (a quote's speaker, an event's side). */
export interface WrittenActor {
  readonly text: string;
  readonly entityId?: string;
  readonly name?: string;
  readonly country?: string;
}

/** What matching needs of a document, computed once however many watchlists look at it. */
export interface DocIndex {
  readonly registry: Registry;
  readonly entities: ReadonlyMap<
    string,
    { readonly candidate: ActorCandidate; readonly mentions: readonly Mention[] }
  >;
  readonly words: readonly IndexedWord[];
  /** The candidate for an actor written at one place, known to the entity layer or not. */
  candidateOf(actor: WrittenActor): ActorCandidate;
}

const cache = new WeakMap<AnalyzedDocument, DocIndex>();

/** The document's index, built on first use. `docIndex(doc, defaultRegistry()).entities.get('actor:dmitry-peskov')`. */
export function docIndex(doc: AnalyzedDocument, registry: Registry): DocIndex {
  const cached = cache.get(doc);
  if (cached !== undefined && cached.registry === registry) return cached;
  const built = buildIndex(doc, registry);
  cache.set(doc, built);
  return built;
}

function buildIndex(doc: AnalyzedDocument, registry: Registry): DocIndex {
  const layers = doc.annotations;
  const mentionsOf = new Map<string, Mention[]>();
  for (const m of layers.mentions ?? []) {
    const list = mentionsOf.get(m.entityId) ?? [];
    list.push(m);
    mentionsOf.set(m.entityId, list);
  }
  const registryNames = (id: string | undefined): string[] =>
    id === undefined ? [] : [...(registry.actors.get(id)?.ar ?? [])];
  const entities = new Map<string, { candidate: ActorCandidate; mentions: Mention[] }>();
  for (const e of layers.entities ?? []) {
    const mentions = mentionsOf.get(e.id) ?? [];
    const candidate: ActorCandidate = {
      key: actorKey(e.id, e.name),
      name: e.name,
      names: distinctWords([e.name, ...mentions.map((m) => m.text), ...registryNames(e.id)]),
      ...(e.country === undefined ? {} : { country: e.country }),
    };
    entities.set(e.id, { candidate, mentions });
  }
  const candidateOf = (actor: WrittenActor): ActorCandidate => {
    const known = actor.entityId === undefined ? undefined : entities.get(actor.entityId)?.candidate;
    const written = [actor.text, ...(actor.name === undefined ? [] : [actor.name])];
    const country = actor.country ?? known?.country;
    const key =
      known?.key ??
      (actor.entityId === undefined ? undefined : actorKey(actor.entityId, actor.name ?? actor.text));
    return {
      ...(key === undefined ? {} : { key }),
      name: known?.name ?? actor.name ?? actor.text,
      names: [...(known?.names ?? distinctWords(registryNames(actor.entityId))), ...distinctWords(written)],
      ...(country === undefined ? {} : { country }),
    };
  };
  return { registry, entities, words: indexedWords(doc), candidateOf };
}

function distinctWords(names: readonly string[]): string[][] {
  const seen = new Map<string, string[]>();
  for (const name of names) {
    const words = nameWords(name);
    if (words.length > 0) seen.set(words.join(' '), words);
  }
  return [...seen.values()];
}

// Tokens are already normalized; the index's word split is applied on top so that `كومسومولسك-نا-آمور`
// gives the same words here as in full-text search.
function indexedWords(doc: AnalyzedDocument): IndexedWord[] {
  const out: IndexedWord[] = [];
  for (const token of doc.annotations.tokens) {
    if (token.type === 'punct' || token.type === 'symbol') continue;
    for (const word of nameWords(token.norm)) out.push({ word, start: token.start, end: token.end });
  }
  return out;
}
