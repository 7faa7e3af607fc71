/** The embedded SQLite store. */
export { openSqliteStore } from './sqlite-store.ts';
