import { arabicNameOf, defaultRegistry } from '../analyze/entities/registry/index.ts';

/** An actor reference in a reply: its id (`id` or `entityId`) and its canonical name. */
type Named = { readonly name?: unknown; readonly id?: unknown; readonly entityId?: unknown };

/**
 * The reply with `arabicName` added beside the `name` of every registry actor it mentions (actor lists and
 * profiles, co-actors, the other side of events, network nodes, rising actors). The store keeps the
 * canonical name, English for most registry entries; an Arabic reader is shown the Arabic one. The store's
 * records are left untouched: new objects are made where a name is added.
 * `withArabicNames({actors: [{id: 'actor:kim-jong-un', name: 'Kim Jong Un'}]})` → `…arabicName: 'كيم جونغ أون'`.
 */
export function withArabicNames<T>(value: T): T {
  const registry = defaultRegistry();
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const record = node as Named & Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(record)) out[key] = visit(field);
    const id =
      typeof record.id === 'string'
        ? record.id
        : typeof record.entityId === 'string'
          ? record.entityId
          : undefined;
    if (typeof record.name === 'string' && id?.startsWith('actor:')) {
      const arabic = arabicNameOf(registry, id);
      if (arabic !== undefined) out.arabicName = arabic;
    }
    return out;
  };
  return visit(value) as T;
}
