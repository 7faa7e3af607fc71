export type { ActorRecord, ActorRoleRecord, ActorsFile } from './actors-file.ts';
export { matchRegistry, type RegistryMatch } from './match.ts';
export { procliticReadings, rawOffsetAfter } from './proclitics.ts';
export { arabicNameOf, createRegistry, defaultRegistry, phraseWords, type Registry } from './registry.ts';
export { everHeld, holdsRole, roleHeldOn, roleHolders } from './roles.ts';
