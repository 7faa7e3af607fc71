import type { AnalyzedDocument } from '../core/document.ts';
import { normalizeArabic } from '../text/normalize.ts';

/**
 * The rows an analysis contributes to the entity, quote and event tables. Only the fields a filter or an
 * export needs get their own column; the rest of each record travels in `data` (JSON), so a later layer's
 * new fields fill in without a migration.
 */
export interface EntityRow {
  readonly entityId: string;
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
  readonly data: string;
}

export interface LayerRows {
  readonly entities: EntityRow[];
  readonly quotes: SpanRow[];
  readonly events: SpanRow[];
}

type Loose = Record<string, unknown> & { start?: number; end?: number; text?: string };

/** Rows of every layer present in the document; absent layers give none. `layerRows(doc).quotes.length` → quotes found. */
export function layerRows(doc: AnalyzedDocument): LayerRows {
  const annotations = doc.annotations as unknown as Record<string, readonly Loose[] | undefined>;
  const mentionCount = new Map<string, number>();
  for (const m of annotations.mentions ?? []) {
    const id = String(m.entityId ?? '');
    mentionCount.set(id, (mentionCount.get(id) ?? 0) + 1);
  }
  const entities = (annotations.entities ?? []).map((e) => ({
    entityId: String(e.id),
    name: String(e.name ?? ''),
    normName: normalizeArabic(String(e.name ?? '')),
    type: String(e.type ?? ''),
    mentions: mentionCount.get(String(e.id)) ?? 0,
    data: JSON.stringify(e),
  }));
  const quotes = (annotations.quotes ?? []).map((q, idx) => {
    const speaker = q.speaker as Loose | undefined;
    return spanRow(q, idx, String(q.form ?? ''), speaker?.text ?? null, (speaker?.entityId as string | undefined) ?? null);
  });
  const events = (annotations.events ?? []).map((e, idx) => {
    const actor = (e.source ?? e.actor) as Loose | undefined;
    const type = String(e.type ?? e.code ?? e.kind ?? '');
    return spanRow(e, idx, type, actor?.text ?? null, (actor?.entityId as string | undefined) ?? null);
  });
  return { entities, quotes, events };
}

function spanRow(record: Loose, idx: number, type: string, actor: string | null, actorEntityId: string | null): SpanRow {
  return {
    idx,
    type,
    start: record.start ?? 0,
    end: record.end ?? 0,
    text: record.text ?? '',
    actor,
    actorEntityId,
    data: JSON.stringify(record),
  };
}
