import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { Store } from '../store/store.ts';

/** The fastify instance with TypeBox types, as every route file receives it. */
export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/** What route handlers share. */
export interface RouteContext {
  readonly store: Store;
  readonly version: string;
  /** Rejects the request (401) unless it may write: on loopback always, beyond it with the token. */
  readonly requireWriter: (request: FastifyRequest) => void;
  /** True when the body is small enough to analyze without the write token. */
  readonly isSmallBody: (request: FastifyRequest) => boolean;
  /** Runs store writes one at a time. */
  readonly serialWrite: <T>(task: () => Promise<T>) => Promise<T>;
  /** The queue's status, when the server was started with a queue. */
  readonly queueStatus?: () => Promise<unknown>;
}

/** The same shape with readonly dropped all the way down: store records are readonly, reply types are not. */
export type Wire<T> = T extends readonly (infer U)[] ? Wire<U>[] : T extends object ? { -readonly [K in keyof T]: Wire<T[K]> } : T;

/** Hands a store record to a typed reply; the types must still match the response schema. */
export function wire<T>(value: T): Wire<T> {
  return value as Wire<T>;
}
