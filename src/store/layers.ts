import type { AnalyzedDocument } from '../core/document.ts';
import { normalizeArabic } from '../text/normalize.ts';

/**
 * The rows an analysis contributes to the entity, quote and event tables. Only the fields a filter or an
 * export needs get their own column; the rest of each record travels in `data` (JSON), so a later layer's
 * new fields fill in without a migration.
 */
export interface EntityRow {
  readonly entityId: string;
  /** The actor across articles (see `actorKey`). */
  readonly actorKey: string;
  readonly country: string | null;
  readonly role: string | null;
  /** The normalized forms the article names it by, `|`-separated, so an Arabic query finds a registry actor named in English. */
  readonly surface: string;
  readonly name: string;
  readonly normName: string;
  readonly type: string;
  readonly mentions: number;
  readonly data: string;
}

export interface SpanRow {
  readonly idx: number;
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Speaker (quotes) or main actor (events), as written. */
  readonly actor: string | null;
  readonly actorEntityId: string | null;
  /** The speaker or source across articles (see `actorKey`). */
  readonly actorKey: string | null;
  /** Events only: the target across articles. */
  readonly targetKey: string | null;
  /** Events only: the resolved day (`YYYY-MM-DD`) of the event's date words. */
  readonly eventDate: string | null;
  readonly data: string;
}

/** A directed tie between two actors of one article: a speaker naming someone in a quote, an event's source and target. */
export interface ActorLinkRow {
  readonly kind: 'quote' | 'event';
  /** Index of the quote or event in its layer. */
  readonly idx: number;
  readonly sourceKey: string;
  readonly targetKey: string;
}

/** One piece of scraper boilerplate removed by cleaning. */
export interface RemovalRow {
  readonly idx: number;
  readonly reason: string;
  readonly text: string;
}

/** The headline check's verdict, kept in a column so integrity reports need not open every analysis. */
export interface HeadlineRow {
  readonly verdict: string;
  readonly score: number;
  /** The body's own headline, else the suggested one. */
  readonly suggested: string | null;
}

export interface LayerRows {
  readonly entities: EntityRow[];
  readonly quotes: SpanRow[];
  readonly events: SpanRow[];
  readonly links: ActorLinkRow[];
  readonly removals: RemovalRow[];
  readonly headline: HeadlineRow | null;
}

/**
 * The key of an actor across articles: a registry id (`actor:…`) as it is; a per-article id (`doc:…`) means
 * nothing elsewhere, so an unlinked entity is keyed by its normalized name.
 * `actorKey('doc:e2', 'بوتين')` → `'name:بوتين'`; `actorKey('actor:un', 'UN')` → `'actor:un'`.
 */
export function actorKey(entityId: string, name: string): string {
  return entityId.startsWith('doc:') ? `name:${normalizeArabic(name.trim())}` : entityId;
}

type Loose = Record<string, unknown> & { start?: number; end?: number; text?: string };

/** Rows of every layer present in the document; absent layers give none. `layerRows(doc).quotes.length` → quotes found. */
export function layerRows(doc: AnalyzedDocument): LayerRows {
  const annotations = doc.annotations as unknown as Record<string, readonly Loose[] | undefined>;
  const mentionCount = new Map<string, number>();
  const surfaces = new Map<string, Set<string>>();
  for (const m of annotations.mentions ?? []) {
    const id = String(m.entityId ?? '');
    mentionCount.set(id, (mentionCount.get(id) ?? 0) + 1);
    const forms = surfaces.get(id) ?? new Set<string>();
    forms.add(normalizeArabic(String(m.text ?? '')));
    surfaces.set(id, forms);
  }
  const keyOfId = new Map<string, string>();
  const entities = (annotations.entities ?? []).map((e) => {
    const entityId = String(e.id);
    const name = String(e.name ?? '');
    const key = actorKey(entityId, name);
    keyOfId.set(entityId, key);
    return {
      entityId,
      actorKey: key,
      country: typeof e.country === 'string' ? e.country : null,
      role: typeof e.role === 'string' ? e.role : null,
      surface: [...(surfaces.get(entityId) ?? [])].join('|'),
      name,
      normName: normalizeArabic(name),
      type: String(e.type ?? ''),
      mentions: mentionCount.get(entityId) ?? 0,
      data: JSON.stringify(e),
    };
  });
  const keyOf = (actor: Loose | undefined): string | null => {
    const id = actor?.entityId;
    if (typeof id !== 'string') return null;
    return keyOfId.get(id) ?? actorKey(id, String(actor?.name ?? actor?.text ?? ''));
  };
  const links: ActorLinkRow[] = [];
  const quotes = (annotations.quotes ?? []).map((q, idx) => {
    const speaker = q.speaker as Loose | undefined;
    const speakerKey = keyOf(speaker);
    if (speakerKey !== null) {
      for (const targetKey of keysInside(annotations.mentions ?? [], q, keyOfId)) {
        if (targetKey !== speakerKey) links.push({ kind: 'quote', idx, sourceKey: speakerKey, targetKey });
      }
    }
    return spanRow(
      q,
      idx,
      String(q.form ?? ''),
      speaker?.text ?? null,
      (speaker?.entityId as string | undefined) ?? null,
      speakerKey,
    );
  });
  const events = (annotations.events ?? []).map((e, idx) => {
    const actor = (e.source ?? e.actor) as Loose | undefined;
    const type = String(e.type ?? e.code ?? e.kind ?? '');
    const sourceKey = keyOf(actor);
    const targetKey = keyOf(e.target as Loose | undefined);
    if (sourceKey !== null && targetKey !== null && sourceKey !== targetKey)
      links.push({ kind: 'event', idx, sourceKey, targetKey });
    const value = (e.time as Loose | undefined)?.value;
    const eventDate =
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
    return {
      ...spanRow(
        e,
        idx,
        type,
        actor?.text ?? null,
        (actor?.entityId as string | undefined) ?? null,
        sourceKey,
      ),
      targetKey,
      eventDate,
    };
  });
  const removals = (annotations.boilerplate ?? []).map((r, idx) => ({
    idx,
    reason: String(r.reason ?? ''),
    text: String(r.text ?? '').trim(),
  }));
  return { entities, quotes, events, links, removals, headline: headlineRow(doc) };
}

/** Distinct actor keys of the mentions lying inside a span. */
function keysInside(mentions: readonly Loose[], span: Loose, keyOfId: ReadonlyMap<string, string>): string[] {
  const keys = new Set<string>();
  for (const m of mentions) {
    if ((m.start ?? -1) < (span.start ?? 0) || (m.end ?? Infinity) > (span.end ?? 0)) continue;
    const key = keyOfId.get(String(m.entityId));
    if (key !== undefined) keys.add(key);
  }
  return [...keys];
}

function headlineRow(doc: AnalyzedDocument): HeadlineRow | null {
  const check = doc.annotations.headlineCheck;
  if (check === undefined || check.method.note !== undefined) return null;
  const suggested = check.bodyHeadline?.text ?? check.suggestedHeadline?.text ?? null;
  return { verdict: check.verdict, score: check.score, suggested };
}

function spanRow(
  record: Loose,
  idx: number,
  type: string,
  actor: string | null,
  actorEntityId: string | null,
  key: string | null,
): SpanRow {
  return {
    idx,
    type,
    start: record.start ?? 0,
    end: record.end ?? 0,
    text: record.text ?? '',
    actor,
    actorEntityId,
    actorKey: key,
    targetKey: null,
    eventDate: null,
    data: JSON.stringify(record),
  };
}

/** The GDELT-like columns of one stored event (`rasd export --what events`), computed from its stored JSON. */
export interface EventExportRow {
  readonly [column: string]: string | number | null;
  readonly articleId: string;
  readonly idx: number;
  /** The event's resolved date (`YYYY-MM-DD`, or coarser), else the article's publication day. */
  readonly date: string | null;
  readonly sourceName: string | null;
  readonly sourceCountry: string | null;
  /** PETRARCH agent code of a role-named source (COP, REB, CVL…); null for a named one or an unknown side. */
  readonly sourceAgent: string | null;
  readonly targetName: string | null;
  readonly targetCountry: string | null;
  readonly targetAgent: string | null;
  /** PLOVER type and mode, CAMEO code and root (GDELT's EventCode and EventRootCode). */
  readonly type: string;
  readonly mode: string | null;
  readonly cameo: string | null;
  readonly cameoRoot: string | null;
  /** 1 when the text says it did not happen. */
  readonly negated: number;
  readonly modality: string | null;
  readonly location: string | null;
  readonly locationCountry: string | null;
  readonly trigger: string | null;
  readonly triggerStart: number | null;
  readonly triggerEnd: number | null;
  /** The clause the event was coded from (offsets into the clean text). */
  readonly start: number | null;
  readonly end: number | null;
  readonly confidence: number | null;
}

/**
 * Turns a stored event row (its `data` JSON, the article id and publication date) into export columns, so every
 * store exports the same table. `eventExportRow({articleId: 'a', idx: 0, data: '{"type":"CONSULT",…}'}).cameoRoot`.
 */
export function eventExportRow(row: {
  articleId: unknown;
  idx: unknown;
  data: unknown;
  publishedAt?: unknown;
}): EventExportRow {
  const e = JSON.parse(String(row.data ?? '{}')) as Loose;
  const actor = (a: unknown): Loose => (a ?? {}) as Loose;
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  const source = actor(e.source);
  const target = actor(e.target);
  const location = actor(e.location);
  const trigger = actor(e.trigger);
  const cameo = str(e.cameo);
  const published = str(row.publishedAt);
  return {
    articleId: String(row.articleId),
    idx: Number(row.idx),
    date: str(actor(e.time).value) ?? (published === null ? null : published.slice(0, 10)),
    sourceName: str(source.name) ?? str(source.text),
    sourceCountry: str(source.country),
    sourceAgent: str(source.agent),
    targetName: str(target.name) ?? str(target.text),
    targetCountry: str(target.country),
    targetAgent: str(target.agent),
    type: String(e.type ?? ''),
    mode: str(e.mode),
    cameo,
    cameoRoot: cameo === null ? null : cameo.slice(0, 2),
    negated: e.negated === true ? 1 : 0,
    modality: str(e.modality),
    location: str(location.name) ?? str(location.text),
    locationCountry: str(location.country),
    trigger: str(trigger.text),
    triggerStart: num(trigger.start),
    triggerEnd: num(trigger.end),
    start: num(e.start),
    end: num(e.end),
    confidence: num(e.confidence),
  };
}
