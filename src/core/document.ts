import type { Annotations } from './annotations.ts';
import type { Article } from './article.ts';
import { RasdError } from './errors.ts';
import { isValidSpan, type Span } from './span.ts';

/** Bumped whenever the JSON shape of an analyzed document changes incompatibly. */
export const SCHEMA_VERSION = 1;

/** An article with every annotation the pipeline produced. */
export interface AnalyzedDocument {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly article: Article;
  readonly annotations: Annotations;
}

/** Serializes a document to JSON. `documentFromJson(documentToJson(doc))` deep-equals `doc`. */
export function documentToJson(doc: AnalyzedDocument, indent?: number): string {
  return JSON.stringify(doc, null, indent);
}

/**
 * Parses and checks a serialized document: schema version, and every span of every layer inside the
 * clean text and matching its `text`. Throws `RasdError` naming the first problem.
 */
export function documentFromJson(json: string, input = 'document'): AnalyzedDocument {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new RasdError('E_BAD_DOCUMENT', `not JSON: ${(error as Error).message}`, { input });
  }
  const doc = value as AnalyzedDocument;
  if (typeof doc !== 'object' || doc === null || typeof doc.article?.cleanText !== 'string') {
    throw new RasdError('E_BAD_DOCUMENT', 'not an analyzed document (no article.cleanText)', { input });
  }
  if (doc.schemaVersion !== SCHEMA_VERSION) {
    throw new RasdError(
      'E_SCHEMA_VERSION',
      `schema version ${String(doc.schemaVersion)} is not the supported ${SCHEMA_VERSION}`,
      { input },
    );
  }
  const problem = findSpanProblem(doc);
  if (problem !== undefined) throw new RasdError('E_BAD_DOCUMENT', problem, { input });
  return doc;
}

/** Returns a description of the first span that is out of range or whose text differs, if any. */
export function findSpanProblem(doc: AnalyzedDocument): string | undefined {
  const text = doc.article.cleanText;
  for (const [layer, records] of Object.entries(doc.annotations)) {
    if (!Array.isArray(records)) continue;
    for (let i = 0; i < records.length; i++) {
      const record = records[i] as Partial<Span> & { text?: unknown };
      if (typeof record.start !== 'number' || typeof record.end !== 'number') continue;
      if (!isValidSpan(record as Span, text.length)) {
        return `${layer}[${i}]: span ${record.start}–${record.end} outside the clean text (length ${text.length})`;
      }
      // Removals point at an empty place in the clean text; their `text` is raw text.
      if (layer === 'boilerplate') continue;
      if (typeof record.text === 'string' && text.slice(record.start, record.end) !== record.text) {
        return `${layer}[${i}]: text does not match the clean text at ${record.start}–${record.end}`;
      }
    }
  }
  return undefined;
}
