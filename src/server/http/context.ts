import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Role } from '../../common/domain/roles';
import type { Config } from '../config';
import type { Database, Db } from '../db/client';
import type { Action } from '../policy';

/** What every route module receives: configuration and the database. No framework DI. */
export type Deps = { config: Config; database: Database; db: Db };

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type SessionUser = {
  id: string;
  orgId: string;
  branchId: string | null;
  role: Role;
  username: string;
  displayName: string;
  locale: 'ar' | 'en';
  digits: 'arab' | 'latn';
  totpEnabled: boolean;
  totpRequired: boolean;
  /** An admin set the password: only the user's own session routes answer until they choose a new one. */
  mustChangePassword: boolean;
  /** Set for an API token: the actions its scopes open (policy.ts → `can`). */
  scopes?: readonly Action[];
};

/** A browser session (cookie + CSRF token), or an API token (`token` set; no session, no CSRF token). */
export type Auth = {
  user: SessionUser;
  sessionId: string;
  csrfToken: string;
  token?: { id: string; name: string };
};

/** `public` routes need no session; every other API route names the policy action it performs. */
export type Access = 'public' | Action;

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
    /** The session cookie named a session an admin revoked (the answer says so, not only "sign in"). */
    sessionRevoked: boolean;
    /** The `Idempotency-Key` this request claimed; its answer is stored when it succeeds. */
    idempotency: { orgId: string; userId: string; key: string } | null;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** The route honours an `Idempotency-Key` header (http/idempotency.ts). */
    idempotent?: boolean;
  }
}

/** Request facts recorded in the audit log. */
export type RequestMeta = { ip: string | null; userAgent: string | null };
