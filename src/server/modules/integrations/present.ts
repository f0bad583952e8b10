import type { TokenItem } from './schemas';

type TokenRow = Omit<TokenItem, 'expiresAt' | 'revokedAt' | 'lastUsedAt' | 'createdAt'> & {
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
};

export function presentToken(r: TokenRow): TokenItem {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes,
    branchId: r.branchId,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

export function presentSubscription(r: {
  id: string;
  name: string;
  url: string;
  events: string[];
  disabledAt: Date | null;
  createdAt: Date;
}) {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    events: r.events,
    disabledAt: r.disabledAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}
