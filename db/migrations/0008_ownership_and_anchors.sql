CREATE TABLE "audit_anchors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"head_id" bigint NOT NULL,
	"head_hash" text NOT NULL,
	"entry_count" bigint NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "venture_financings" ADD COLUMN "carrier_id" integer;--> statement-breakpoint
CREATE INDEX "audit_anchors_head_idx" ON "audit_anchors" USING btree ("head_id");--> statement-breakpoint
ALTER TABLE "venture_financings" ADD CONSTRAINT "venture_financings_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "venture_financings_carrier_idx" ON "venture_financings" USING btree ("carrier_id","venture_id");--> statement-breakpoint
-- A financing belongs to the stay it was recorded in: the stay that covered its date, else the
-- last stay begun before it, else the venture's first stay, else its current carrier.
UPDATE "venture_financings" f SET "carrier_id" = COALESCE(
  (SELECT r."carrier_id" FROM "residencies" r WHERE r."venture_id" = f."venture_id" AND r."entered_on" <= f."received_on" AND (r."left_on" IS NULL OR r."left_on" > f."received_on") ORDER BY r."entered_on" DESC LIMIT 1),
  (SELECT r."carrier_id" FROM "residencies" r WHERE r."venture_id" = f."venture_id" AND r."entered_on" <= f."received_on" ORDER BY r."entered_on" DESC LIMIT 1),
  (SELECT r."carrier_id" FROM "residencies" r WHERE r."venture_id" = f."venture_id" ORDER BY r."entered_on" ASC LIMIT 1),
  (SELECT v."current_carrier_id" FROM "ventures" v WHERE v."id" = f."venture_id")
);--> statement-breakpoint
-- Stays recorded before the rule below may overlap (a readmission back-dated into an earlier
-- stay): an ended stay is cut back to the day the next one began.
UPDATE "residencies" r SET "left_on" = n."next_entered"
FROM (
  SELECT "id", LEAD("entered_on") OVER (PARTITION BY "venture_id" ORDER BY "entered_on", "id") AS "next_entered"
  FROM "residencies"
) n
WHERE n."id" = r."id" AND r."left_on" IS NOT NULL AND n."next_entered" IS NOT NULL AND n."next_entered" < r."left_on";--> statement-breakpoint
-- The stays of one venture never overlap. A stay is the days [entered_on, left_on): the day a
-- venture leaves is the first day another carrier may count it.
ALTER TABLE "residencies" ADD CONSTRAINT "residencies_no_overlap" EXCLUDE USING gist (
  int4range("venture_id", "venture_id", '[]') WITH =,
  daterange("entered_on", "left_on", '[)') WITH &&
);--> statement-breakpoint
-- Anchors are append-only, like the audit log they sign.
CREATE OR REPLACE FUNCTION "audit_anchors_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_anchors is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_anchors_append_only" BEFORE UPDATE OR DELETE ON "audit_anchors" FOR EACH ROW EXECUTE FUNCTION "audit_anchors_refuse_change"();--> statement-breakpoint
CREATE TRIGGER "audit_anchors_no_truncate" BEFORE TRUNCATE ON "audit_anchors" FOR EACH STATEMENT EXECUTE FUNCTION "audit_anchors_refuse_change"();
