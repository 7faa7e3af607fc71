import { registerStoreConformance } from '../conformance.ts';
import { openSqliteStore } from './sqlite-store.ts';

registerStoreConformance('sqlite (in memory)', () => openSqliteStore(':memory:'));
