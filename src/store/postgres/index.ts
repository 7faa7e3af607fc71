/**
 * The PostgreSQL store: the SQLite store's contract, tables, query semantics and ranking, for several
 * processes at once. `openPostgresStore('postgres://user@host/db?schema=news')` (`schema` is optional).
 * Search indexes rasd's own normalized words in a tsvector (no stemming), and ranks with SQLite FTS5's BM25
 * evaluated in SQL, so both stores return the same hits in the same order with the same scores.
 */
export { parsePostgresUrl } from './connect.ts';
export { openPostgresStore } from './postgres-store.ts';
