/** The API's read models, one implementation for every store (see reader.ts). */
export { getActor, listActors } from './actors.ts';
export { integrityReport } from './integrity.ts';
export { actorNetwork, timeline } from './network.ts';
export type { Row, SqlReader } from './reader.ts';
export { trends } from './trends.ts';
