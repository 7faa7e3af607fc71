import { RasdError } from '../../core/errors.ts';
import type { Store } from '../store.ts';

/** The PostgreSQL store (in progress). */
export async function openPostgresStore(url: string): Promise<Store> {
  throw new RasdError('E_UNSUPPORTED', `the PostgreSQL store is not available yet (${url})`);
}
