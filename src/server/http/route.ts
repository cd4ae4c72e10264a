import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Operation } from '../../shared/domain/rights';
import type { Caller } from '../auth/caller';
import type { ErrorCode } from './errors';

/** A body that is already JSON (stored records joined into a page): sent as it is. */
export class RawJson {
  constructor(readonly text: string | Buffer) {}
}

/**
 * An answer of many JSON lines (NDJSON), produced as the client reads them. The first line is
 * read before the answer starts, so a refusal (a bad cursor) is still an ordinary error answer.
 */
export class JsonLines {
  constructor(readonly lines: AsyncIterable<Buffer>) {}
}

/** An answer with a status other than 200 (an idempotent replay of a stored refusal). */
export class Answer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export type Access = 'public' | 'signed-in' | Operation;

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

export interface RouteInput<A extends Access, B, Q, P> {
  caller: A extends 'public' ? null : Caller;
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  request: FastifyRequest;
}

/**
 * One endpoint, declared once: the same zod schemas validate the request and produce the OpenAPI
 * document, and `access` is checked before the input is even read.
 */
export interface RouteSpec<
  A extends Access,
  B extends Schema | undefined,
  Q extends Schema | undefined,
  P extends Schema | undefined,
> {
  method: 'GET' | 'POST';
  path: string;
  tag: string;
  summary: string;
  description?: string;
  access: A;
  /** Registered only when the service runs in demo mode. */
  demoOnly?: boolean;
  body?: B;
  /** The body is a batch whose items are read one by one (a push): each item refuses its own bad text. */
  itemsReadOneByOne?: boolean;
  query?: Q;
  params?: P;
  /** The 200 answer, for the document. */
  response: Schema;
  /** Refusals particular to this endpoint (the generic ones are documented once). */
  errors: readonly ErrorCode[];
  handle(input: RouteInput<A, B, Q, P>): Promise<unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of routes mixes every schema type
export type AnyRoute = RouteSpec<Access, any, any, any>;

export const route = <
  A extends Access,
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(
  spec: RouteSpec<A, B, Q, P>,
): AnyRoute => spec as AnyRoute;
