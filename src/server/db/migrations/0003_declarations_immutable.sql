-- A signed declaration (الإقرار) is a record of what the applicant confirmed: it is never changed or removed.
CREATE OR REPLACE FUNCTION declarations_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'declarations are immutable';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER declarations_no_change BEFORE UPDATE OR DELETE ON declarations
  FOR EACH ROW EXECUTE FUNCTION declarations_refuse_change();
