import type { Db } from '../db/client';
import { countRateLimitHit, readRateLimitHits } from '../db/rate-limits';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
type RouteParams = { routeInfo: { method: string | string[]; url: string } };

/**
 * @fastify/rate-limit's store, kept in the database (issue 20): every app instance on one database counts the
 * same requests, so a limit of 5 is 5 across the deployment, not 5 per instance. Keys are the route and the
 * client address, as in the plugin's own stores.
 */
export function databaseRateLimitStore(db: Db) {
  return class DatabaseStore {
    constructor(
      _options?: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      countRateLimitHit(db, this.prefix + key, timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: Callback): void {
      readRateLimitHits(db, this.prefix + key).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }

    // The plugin passes the route's merged limit options, with the route itself under routeInfo.
    child(options: unknown): DatabaseStore {
      const route = (options as RouteParams).routeInfo;
      return new DatabaseStore(undefined, `${this.prefix}${[route.method].flat().join(',')} ${route.url} `);
    }
  };
}
