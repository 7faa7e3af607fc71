/** Persistence of live monitoring (sources, watchlists, alerts), one implementation for every store. */
export type { SqlExecutor } from './executor.ts';
export { postgresExecutor } from './postgres-executor.ts';
export { sourceId } from './source-id.ts';
export { sqlMonitorStore } from './sql-monitor-store.ts';
export { sqliteExecutor } from './sqlite-executor.ts';
