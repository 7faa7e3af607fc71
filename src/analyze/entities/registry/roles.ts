import type { ActorRoleRecord } from './actors-file.ts';
import type { Registry } from './registry.ts';

/** True when the role was held on `date` (ISO), or, without a date, is still held. */
export function roleHeldOn(role: ActorRoleRecord, date: string | undefined): boolean {
  if (date === undefined) return role.to === undefined;
  // Partial dates compare as prefixes: a role from "2012" covers all of 2012.
  const day = date.slice(0, 10);
  return (
    (role.from === undefined || role.from.slice(0, day.length) <= day) &&
    (role.to === undefined || day < role.to)
  );
}

/** True when the actor holds (or held, on `date`) one of `keys` in `scope`. */
export function holdsRole(
  registry: Registry,
  actorId: string,
  keys: readonly string[],
  scope: string,
  date?: string,
): boolean {
  const roles = registry.actors.get(actorId)?.roles ?? [];
  return roles.some((r) => keys.includes(r.key) && r.scope === scope && roleHeldOn(r, date));
}

/**
 * Everyone in the registry holding one of `keys` in `scope` on `date` (still holding, without a date).
 * `roleHolders(reg, ['president'], 'RUS')` → `['actor:vladimir-putin']`.
 */
export function roleHolders(
  registry: Registry,
  keys: readonly string[],
  scope: string,
  date?: string,
): string[] {
  const out: string[] = [];
  for (const [id, actor] of registry.actors) {
    if (actor.source.startsWith('petrarch')) continue;
    if ((actor.roles ?? []).some((r) => keys.includes(r.key) && r.scope === scope && roleHeldOn(r, date)))
      out.push(id);
  }
  return out;
}

/** True when the actor ever held one of `keys` in `scope`. */
export function everHeld(
  registry: Registry,
  actorId: string,
  keys: readonly string[],
  scope: string,
): boolean {
  return (registry.actors.get(actorId)?.roles ?? []).some((r) => keys.includes(r.key) && r.scope === scope);
}
