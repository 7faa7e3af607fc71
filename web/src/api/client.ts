import type {
  ActorResponse,
  ActorSummary,
  AlertsResponse,
  AnalyzedDocumentJson,
  AnalyzeRequest,
  ArticleResponse,
  IntegrityResponse,
  NetworkResponse,
  QueueStatusResponse,
  SearchResponse,
  SourceRecord,
  SourcesResponse,
  StoreStats,
  TimelineResponse,
  TrendsResponse,
  WatchlistRequest,
  WatchlistsResponse,
  WatchlistView,
} from './types.ts';

/** An error the API answered with (`{ error: { code, message } }`), or a network failure (`E_NETWORK`). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

type Params = Record<string, string | number | undefined>;

function withQuery(path: string, params: Params): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

const TOKEN_KEY = 'rasd-write-token';

/** The bearer token writes send (kept for this browser tab only), or '' for none. */
export function writeToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Remembers (or, with '', forgets) the token a server beyond loopback needs for writes. */
export function setWriteToken(token: string): void {
  try {
    if (token === '') sessionStorage.removeItem(TOKEN_KEY);
    else sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Storage refused (private mode): writes go without a token.
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  const token = init?.method !== undefined && init.method !== 'GET' ? writeToken() : '';
  const auth: Record<string, string> = token === '' ? {} : { authorization: `Bearer ${token}` };
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...auth, ...init?.headers } });
  } catch (error) {
    throw new ApiError('E_NETWORK', (error as Error).message, 0);
  }
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  if (!response.ok) {
    throw new ApiError(
      body?.error?.code ?? 'E_HTTP',
      body?.error?.message ?? response.statusText,
      response.status,
    );
  }
  return body as T;
}

/** Search filters as the search route takes them. */
export type SearchParams = {
  q: string;
  from?: string;
  to?: string;
  source?: string;
  entity?: string;
  limit?: number;
  offset?: number;
};

// A type alias, not an interface, so it fits the `Params` index signature.
export type DateRange = {
  from?: string;
  to?: string;
};

/** One function per API route; `api.search({ q: 'الكرملين' })` → `{ hits, limit, offset }`. */
export const api = {
  stats: () => request<StoreStats>('/api/stats'),
  search: (params: SearchParams) => request<SearchResponse>(withQuery('/api/search', { ...params })),
  article: (id: string) => request<ArticleResponse>(`/api/articles/${encodeURIComponent(id)}`),
  actors: (params: { q?: string; type?: string; limit?: number; offset?: number }) =>
    request<{ actors: ActorSummary[] }>(withQuery('/api/actors', params)),
  actor: (id: string) => request<ActorResponse>(`/api/actors/${encodeURIComponent(id)}`),
  network: (params: DateRange & { actor?: string; limit?: number }) =>
    request<NetworkResponse>(withQuery('/api/network', params)),
  timeline: (params: DateRange & { actor?: string; type?: string }) =>
    request<TimelineResponse>(withQuery('/api/timeline', params)),
  queue: () => request<QueueStatusResponse>('/api/queue'),
  integrity: (params: { limit?: number }) => request<IntegrityResponse>(withQuery('/api/integrity', params)),
  analyze: (body: AnalyzeRequest) =>
    request<AnalyzedDocumentJson>('/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  trends: (params: DateRange & { days?: number; baselineDays?: number; limit?: number }) =>
    request<TrendsResponse>(withQuery('/api/trends', params)),
  watchlists: () => request<WatchlistsResponse>('/api/watchlists'),
  addWatchlist: (body: WatchlistRequest) =>
    request<WatchlistView>('/api/watchlists', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  removeWatchlist: (id: string) =>
    request<null>(`/api/watchlists/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  alerts: (params: { watchlist?: string; limit?: number; offset?: number }) =>
    request<AlertsResponse>(withQuery('/api/alerts', params)),
  sources: () => request<SourcesResponse>('/api/sources'),
  addSource: (body: { url: string; every?: string }) =>
    request<SourceRecord>('/api/sources', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  removeSource: (id: string) => request<null>(`/api/sources/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};

/** Where a watchlist's Atom feed is served: `atomUrl('w1')` → `'/api/watchlists/w1/atom'`. */
export function atomUrl(watchlistId: string): string {
  return `/api/watchlists/${encodeURIComponent(watchlistId)}/atom`;
}
