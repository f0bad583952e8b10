// The whole schema, one file per domain. drizzle-kit reads this file to generate migrations.
export * from './audit';
export * from './organizations';
export * from './users';
