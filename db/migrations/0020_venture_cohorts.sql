CREATE TABLE "venture_cohorts" (
	"venture_id" integer PRIMARY KEY NOT NULL,
	"cohort" smallint NOT NULL,
	"first_entered_on" date NOT NULL,
	"first_carrier_id" integer NOT NULL,
	"first_stage" "residency_stage" NOT NULL,
	"venture_kind" "venture_kind" NOT NULL,
	"industry" "industry" NOT NULL,
	"graduated_on" date,
	"accelerated" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "venture_cohorts" ADD CONSTRAINT "venture_cohorts_venture_id_ventures_id_fk" FOREIGN KEY ("venture_id") REFERENCES "public"."ventures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_cohorts" ADD CONSTRAINT "venture_cohorts_first_carrier_id_carriers_id_fk" FOREIGN KEY ("first_carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "venture_cohorts_cohort_idx" ON "venture_cohorts" USING btree ("cohort");