import type {
  Alert,
  AlertQuery,
  DeliveryRecord,
  MonitorStore,
  NewAlert,
  PollRecord,
  SourceInput,
  SourceRecord,
  Watchlist,
  WatchlistInput,
} from '../../monitor/types.ts';
import * as alerts from './alerts.ts';
import type { SqlExecutor } from './executor.ts';
import * as sources from './sources.ts';
import * as watchlists from './watchlists.ts';

/**
 * The monitor store over any SQL database the executor adapts: SQLite and PostgreSQL run the same statements
 * (tables from migration 3 of each). `const monitor = sqlMonitorStore(sqliteExecutor(db))`.
 */
export function sqlMonitorStore(db: SqlExecutor): MonitorStore {
  return {
    addSource: (input: SourceInput, now: string): Promise<SourceRecord> => sources.addSource(db, input, now),
    removeSource: (idOrUrl: string) => sources.removeSource(db, idOrUrl),
    getSource: (idOrUrl: string) => sources.getSource(db, idOrUrl),
    listSources: () => sources.listSources(db),
    dueSources: (now: string, limit: number) => sources.dueSources(db, now, limit),
    recordPoll: (sourceId: string, poll: PollRecord) => sources.recordPoll(db, sourceId, poll),
    unseenItems: (sourceId: string, keys: readonly string[]) => sources.unseenItems(db, sourceId, keys),
    markItemsSeen: (sourceId: string, keys: readonly string[], now: string) =>
      sources.markItemsSeen(db, sourceId, keys, now),

    addWatchlist: (input: WatchlistInput, now: string): Promise<Watchlist> =>
      watchlists.addWatchlist(db, input, now),
    listWatchlists: () => watchlists.listWatchlists(db),
    getWatchlist: (id: string) => watchlists.getWatchlist(db, id),
    removeWatchlist: (id: string) => watchlists.removeWatchlist(db, id),

    recordAlert: (alert: NewAlert): Promise<Alert | undefined> => alerts.recordAlert(db, alert),
    listAlerts: (query: AlertQuery) => alerts.listAlerts(db, query),
    getAlert: (id: string) => alerts.getAlert(db, id),
    dueDeliveries: (now: string, limit: number) => alerts.dueDeliveries(db, now, limit),
    recordDelivery: (alertId: string, attempt: DeliveryRecord) => alerts.recordDelivery(db, alertId, attempt),
  };
}
