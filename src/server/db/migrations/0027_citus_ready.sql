-- Citus-ready schema (issue 20, decision 031): every association-owned table carries org_id, its primary key
-- starts with org_id, and every unique index and foreign key between association tables includes org_id.
-- Written to run LAST: the DO block below reads the catalogue, so tables added by 0020–0026 are converted too.
-- Global tables (never converted): organizations, job_runs, login_failures, and audit_log (org_id may be empty
-- for a failed sign-in naming no known user). Keep this list in step with GLOBAL_TABLES in db/tenancy.ts.

-- 1. Child tables that had no org_id: add it, copy it from the parent row, then require it.
ALTER TABLE "application_services" ADD COLUMN "org_id" uuid;--> statement-breakpoint
UPDATE "application_services" c SET "org_id" = p."org_id" FROM "applications" p WHERE p."id" = c."application_id";--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD COLUMN "org_id" uuid;--> statement-breakpoint
UPDATE "meeting_attendees" c SET "org_id" = p."org_id" FROM "committee_meetings" p WHERE p."id" = c."meeting_id";--> statement-breakpoint
ALTER TABLE "committee_votes" ADD COLUMN "org_id" uuid;--> statement-breakpoint
UPDATE "committee_votes" c SET "org_id" = p."org_id" FROM "agenda_items" p WHERE p."id" = c."agenda_item_id";--> statement-breakpoint
ALTER TABLE "completion_items" ADD COLUMN "org_id" uuid;--> statement-breakpoint
UPDATE "completion_items" c SET "org_id" = p."org_id" FROM "applications" p WHERE p."id" = c."application_id";--> statement-breakpoint
ALTER TABLE "knowledge_acknowledgements" ADD COLUMN "org_id" uuid;--> statement-breakpoint
UPDATE "knowledge_acknowledgements" c SET "org_id" = p."org_id" FROM "knowledge_versions" p WHERE p."id" = c."version_id";--> statement-breakpoint
-- A processed provider message names no parent row: its only use is to skip a provider's retry, so rows kept
-- from before go to the first association (an installation had one until now) and the rest are let go.
ALTER TABLE "inbound_messages" ADD COLUMN "org_id" uuid;--> statement-breakpoint
UPDATE "inbound_messages" SET "org_id" = (SELECT "id" FROM "organizations" ORDER BY "created_at", "id" LIMIT 1);--> statement-breakpoint
DELETE FROM "inbound_messages" WHERE "org_id" IS NULL;--> statement-breakpoint
ALTER TABLE "application_services" ALTER COLUMN "org_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ALTER COLUMN "org_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "committee_votes" ALTER COLUMN "org_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "completion_items" ALTER COLUMN "org_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "knowledge_acknowledgements" ALTER COLUMN "org_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "inbound_messages" ALTER COLUMN "org_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "application_services" ADD CONSTRAINT "application_services_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id");--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id");--> statement-breakpoint
ALTER TABLE "committee_votes" ADD CONSTRAINT "committee_votes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id");--> statement-breakpoint
ALTER TABLE "completion_items" ADD CONSTRAINT "completion_items_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id");--> statement-breakpoint
ALTER TABLE "knowledge_acknowledgements" ADD CONSTRAINT "knowledge_acknowledgements_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id");--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id");--> statement-breakpoint

-- 2. Keys with org_id first, read from the catalogue. Order matters: foreign keys that point at a primary key go
-- before it is rebuilt and come back, widened, after.
DO $$
DECLARE
  global_tables text[] := ARRAY['organizations', 'job_runs', 'login_failures', 'audit_log'];
  tenant_tables oid[];
  fk_adds text[] := ARRAY[]::text[];
  r record;
  stmt text;
BEGIN
  SELECT array_agg(c.oid) INTO tenant_tables
  FROM pg_class c
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
  WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
    AND NOT c.relname = ANY (global_tables);

  -- a. Foreign keys between association tables that leave org_id out: remember them widened, then drop them.
  FOR r IN
    SELECT k.conname, k.conrelid, pg_get_constraintdef(k.oid) AS def
    FROM pg_constraint k
    WHERE k.contype = 'f' AND k.conrelid = ANY (tenant_tables) AND k.confrelid = ANY (tenant_tables)
      AND NOT EXISTS (
        SELECT 1 FROM unnest(k.conkey) n JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = n
        WHERE a.attname = 'org_id')
  LOOP
    stmt := regexp_replace(r.def, '^FOREIGN KEY \(', 'FOREIGN KEY (org_id, ');
    stmt := regexp_replace(stmt, 'REFERENCES ([^(]+)\(', 'REFERENCES \1(org_id, ');
    fk_adds := fk_adds || format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.conrelid::regclass, r.conname, stmt);
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.conrelid::regclass, r.conname);
  END LOOP;

  -- b. Primary keys that do not start with org_id: (org_id, the old columns), named as drizzle names them.
  FOR r IN
    SELECT k.conname, k.conrelid, c.relname,
      (SELECT array_agg(a.attname ORDER BY u.ord)
       FROM unnest(k.conkey) WITH ORDINALITY u(n, ord)
       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n
       WHERE a.attname <> 'org_id') AS cols
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
    WHERE k.contype = 'p' AND k.conrelid = ANY (tenant_tables)
      AND (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = k.conrelid AND a.attnum = k.conkey[1]) <> 'org_id'
  LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.conrelid::regclass, r.conname);
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I PRIMARY KEY (org_id, %s)', r.conrelid::regclass,
      left(r.relname || '_org_id_' || array_to_string(r.cols, '_') || '_pk', 63),
      (SELECT string_agg(quote_ident(x), ', ') FROM unnest(r.cols) x));
  END LOOP;

  -- c. Unique constraints without org_id: same name, org_id first.
  FOR r IN
    SELECT k.conname, k.conrelid, pg_get_constraintdef(k.oid) AS def
    FROM pg_constraint k
    WHERE k.contype = 'u' AND k.conrelid = ANY (tenant_tables)
      AND NOT EXISTS (
        SELECT 1 FROM unnest(k.conkey) n JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = n
        WHERE a.attname = 'org_id')
  LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.conrelid::regclass, r.conname);
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.conrelid::regclass, r.conname,
      regexp_replace(r.def, '\(', '(org_id, '));
  END LOOP;

  -- d. Unique indexes (not behind a constraint) without org_id: same name, predicate and options, org_id first.
  FOR r IN
    SELECT i.indexrelid, pg_get_indexdef(i.indexrelid) AS def
    FROM pg_index i
    WHERE i.indisunique AND NOT i.indisprimary AND i.indrelid = ANY (tenant_tables)
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('u', 'p', 'x'))
      AND NOT EXISTS (
        SELECT 1 FROM unnest(i.indkey::int2[]) n JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = n
        WHERE a.attname = 'org_id')
  LOOP
    EXECUTE format('DROP INDEX %s', r.indexrelid::regclass);
    EXECUTE regexp_replace(r.def, ' USING (\w+) \(', ' USING \1 (org_id, ');
  END LOOP;

  -- e. The foreign keys again, now (org_id, x_id) → parent (org_id, id).
  FOREACH stmt IN ARRAY fk_adds LOOP
    EXECUTE stmt;
  END LOOP;
END
$$;
