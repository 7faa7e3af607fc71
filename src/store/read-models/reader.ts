/** A result row as the database driver returns it. */
export type Row = Record<string, unknown>;

/**
 * What the read models (actors, network, timeline, integrity) need from a database: rows of a `?`-placeholder
 * query, and the column that orders articles as they were ingested. Each store adapts its driver to it, so
 * both stores run the same queries.
 */
export interface SqlReader {
  all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** `a.rowid` in SQLite, `a.seq` in PostgreSQL (`a` = the articles table). */
  readonly ingestOrder: string;
}
