// The whole schema, one file per domain. drizzle-kit reads this file to generate migrations.
export * from './applications';
export * from './audit';
export * from './beneficiaries';
export * from './cases';
export * from './committee';
export * from './counters';
export * from './deliveries';
export * from './imports';
export * from './interactions';
export * from './knowledge';
export * from './notifications';
export * from './organizations';
export * from './outreach';
export * from './services';
export * from './surveys';
export * from './users';
