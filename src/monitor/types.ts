/**
 * Live monitoring: sources polled on a schedule, watchlists (saved structured queries) and the alerts they
 * raise. These records live in the same database as the articles (`store.monitor`), on SQLite and
 * PostgreSQL alike. Times are ISO 8601 strings (UTC); durations are milliseconds.
 */

/** What a source URL serves: an RSS/Atom/JSON feed, or a (news) sitemap or sitemap index. */
export type SourceKind = 'feed' | 'sitemap';

/** How a source is registered: `rasd sources add https://x/rss --every 15m`. */
export interface SourceInput {
  readonly url: string;
  /** Unknown until the first poll sniffs it, when not given. */
  readonly kind?: SourceKind;
  readonly name?: string;
  /** Polling interval. */
  readonly everyMs: number;
}

/** A source's health, kept up to date by every poll. */
export interface SourceHealth {
  readonly lastPollAt?: string;
  readonly lastSuccessAt?: string;
  readonly lastErrorAt?: string;
  readonly lastError?: string;
  /** HTTP status of the last poll (304 when nothing changed). */
  readonly lastStatus?: number;
  readonly polls: number;
  readonly notModified: number;
  readonly errors: number;
  /** Consecutive failed polls; drives the backoff, reset by a success. */
  readonly failures: number;
  /** Distinct items (links) ever listed by the source. */
  readonly itemsFound: number;
  /** New articles stored from it (copies of stories already stored are not counted). */
  readonly itemsIngested: number;
  /** Mean delay between an item's publication date and its ingestion, over items that give a date. */
  readonly meanDelayMs?: number;
}

export interface SourceRecord {
  /** Stable id derived from the URL. */
  readonly id: string;
  readonly url: string;
  readonly kind?: SourceKind;
  readonly name?: string;
  readonly everyMs: number;
  readonly addedAt: string;
  /** Validators for the next conditional request. */
  readonly etag?: string;
  readonly lastModified?: string;
  /** When the source is next due. */
  readonly nextPollAt: string;
  readonly health: SourceHealth;
}

/** What one poll of a source found, recorded with `monitor.recordPoll`. */
export interface PollRecord {
  readonly at: string;
  readonly outcome: 'ok' | 'not-modified' | 'error';
  readonly httpStatus?: number;
  readonly error?: string;
  /** Kind sniffed from the response, when the source had none. */
  readonly kind?: SourceKind;
  /** Validators from the response; absent ones are cleared (a failed item forces the next poll to refetch). */
  readonly etag?: string;
  readonly lastModified?: string;
  readonly nextPollAt: string;
  /** Consecutive failures after this poll (0 after a success). */
  readonly failures: number;
  /** Items listed for the first time in this poll. */
  readonly newItems: number;
  /** New articles stored from them. */
  readonly ingested: number;
  /** Publication → ingestion delays of the items ingested in this poll. */
  readonly delaysMs: readonly number[];
}

/**
 * A watchlist's query over the structured analysis, not only the text. Every given condition must hold.
 * Actor references are an actor key (`actor:…` registry id, `name:…`) or a name in any spelling
 * (`بيسكوف`, `دميتري بيسكوف`); a three-letter upper-case code (`KOR`) stands for a country wherever a side
 * of an event is asked for.
 *
 * `{speaker: 'بيسكوف'}` — quotes by Dmitry Peskov; `{eventTypes: ['THREATEN', 'SANCTION'], eventSource: 'KOR'}`;
 * `{actors: ['كيم جونغ أون', 'بوتين']}` — both named; `{text: '"البرنامج النووي"', source: 'aljazeera.net'}`.
 */
export interface WatchQuery {
  /** Search syntax: words, "phrases", prefix* — all must occur. */
  readonly text?: string;
  /** Every one of these actors named in the article. */
  readonly actors?: readonly string[];
  /** A quote spoken by this actor. */
  readonly speaker?: string;
  /** An event of any of these PLOVER types (with the source/target conditions below, on the same event). */
  readonly eventTypes?: readonly string[];
  readonly eventSource?: string;
  readonly eventTarget?: string;
  /** Outlet name or URL host of the article. */
  readonly source?: string;
}

/** Where the alerts of a watchlist are pushed, besides the store, the Atom feed and the UI. */
export interface Webhook {
  readonly url: string;
  /** Signs each delivery: `X-Rasd-Signature: sha256=<hex HMAC of the raw body>`. */
  readonly secret?: string;
}

export interface WatchlistInput {
  readonly name: string;
  readonly query: WatchQuery;
  readonly webhook?: Webhook;
}

export interface Watchlist extends WatchlistInput {
  readonly id: string;
  readonly createdAt: string;
}

/** Why an article matched: spans of its clean text, one per satisfied condition. */
export interface MatchReason {
  readonly kind: 'text' | 'actor' | 'quote' | 'event' | 'source';
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** What was matched there: the actor's name, the event type… */
  readonly detail?: string;
}

export interface WatchMatch {
  readonly reasons: readonly MatchReason[];
}

export type DeliveryStatus = 'none' | 'pending' | 'delivered' | 'failed';

export interface AlertDelivery {
  /** `none` when the watchlist has no webhook; `failed` once retries are exhausted. */
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt?: string;
  readonly lastError?: string;
  readonly deliveredAt?: string;
}

/** One story matching one watchlist: copies of the story (its cluster) never raise a second alert. */
export interface Alert {
  readonly id: string;
  readonly watchlistId: string;
  readonly clusterId: string;
  readonly articleId: string;
  readonly title?: string;
  readonly url?: string;
  readonly outlet?: string;
  readonly publishedAt?: string;
  readonly createdAt: string;
  readonly match: WatchMatch;
  readonly delivery: AlertDelivery;
}

/** An alert about to be recorded: its id and delivery state are the store's. */
export type NewAlert = Omit<Alert, 'id' | 'delivery'> & {
  /** True when the watchlist has a webhook: the alert starts `pending`, else `none`. */
  readonly deliver: boolean;
};

export interface AlertQuery {
  readonly watchlistId?: string;
  /** Newest first. */
  readonly limit?: number;
  readonly offset?: number;
}

/** A delivery attempt's result. */
export interface DeliveryRecord {
  readonly at: string;
  readonly ok: boolean;
  readonly error?: string;
  /** When to try again; absent with `ok: false` means give up (`failed`). */
  readonly nextAttemptAt?: string;
}

/**
 * Persistence for monitoring, the same on every store (`store.monitor`). Ids of sources come from their URL;
 * watchlist and alert ids are made by the store.
 */
export interface MonitorStore {
  /** Adds a source, or updates the interval/name/kind of the one with this URL (its health is kept). */
  addSource(input: SourceInput, now: string): Promise<SourceRecord>;
  /** By id or URL; false when there was none. */
  removeSource(idOrUrl: string): Promise<boolean>;
  getSource(idOrUrl: string): Promise<SourceRecord | undefined>;
  /** In the order they were added. */
  listSources(): Promise<SourceRecord[]>;
  /** Sources whose `nextPollAt` ≤ `now`, most overdue first. */
  dueSources(now: string, limit: number): Promise<SourceRecord[]>;
  recordPoll(sourceId: string, poll: PollRecord): Promise<void>;
  /** The keys (item links) this source never listed before, in the given order. */
  unseenItems(sourceId: string, keys: readonly string[]): Promise<string[]>;
  /** Remembers items as handled, so later polls skip them. */
  markItemsSeen(sourceId: string, keys: readonly string[], now: string): Promise<void>;

  addWatchlist(input: WatchlistInput, now: string): Promise<Watchlist>;
  listWatchlists(): Promise<Watchlist[]>;
  getWatchlist(id: string): Promise<Watchlist | undefined>;
  /** Removes the watchlist and its alerts. */
  removeWatchlist(id: string): Promise<boolean>;

  /**
   * Records an alert unless this watchlist already has one for the cluster (returns undefined then). Safe
   * under concurrency: two workers storing copies of one story raise one alert between them.
   */
  recordAlert(alert: NewAlert): Promise<Alert | undefined>;
  listAlerts(query: AlertQuery): Promise<Alert[]>;
  getAlert(id: string): Promise<Alert | undefined>;
  /** Alerts whose delivery is pending and due at `now`, oldest first. */
  dueDeliveries(now: string, limit: number): Promise<Alert[]>;
  recordDelivery(alertId: string, attempt: DeliveryRecord): Promise<void>;
}
