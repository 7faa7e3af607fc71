/** Watchlists: saved structured queries, checked and matched against analyzed articles. */
export { type ActorCandidate, type ActorRef, compileActorRef, refMatches } from './actor-ref.ts';
export { compileWatchQuery, type MatchMeta, matchWatchlist, type WatchMatcher } from './match.ts';
export { parseWatchlistInput, parseWatchQuery, parseWebhook } from './parse.ts';
