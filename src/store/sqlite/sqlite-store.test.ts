import { registerStoreConformance } from '../conformance.ts';
import { monitorConformance } from '../monitor/conformance.ts';
import { openSqliteStore } from './sqlite-store.ts';

registerStoreConformance('sqlite (in memory)', () => openSqliteStore(':memory:'));
monitorConformance('sqlite (in memory)', () => openSqliteStore(':memory:'));
