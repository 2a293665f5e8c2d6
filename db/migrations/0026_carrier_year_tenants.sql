CREATE TABLE "carrier_year_tenants" (
	"year" smallint NOT NULL,
	"carrier_id" integer NOT NULL,
	"tenants" integer DEFAULT 0 NOT NULL,
	"tenants_at_end" integer DEFAULT 0 NOT NULL,
	"new_tenants" integer DEFAULT 0 NOT NULL,
	"occupied_m2" bigint DEFAULT 0 NOT NULL,
	"revenue_fen" bigint DEFAULT 0 NOT NULL,
	"errors" integer[] NOT NULL,
	"warnings" integer[] NOT NULL,
	CONSTRAINT "carrier_year_tenants_year_carrier_id_pk" PRIMARY KEY("year","carrier_id")
);
--> statement-breakpoint
ALTER TABLE "stay_year_figures" ADD COLUMN "error_levels" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stay_year_figures" ADD COLUMN "warning_levels" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "carrier_year_tenants" ADD CONSTRAINT "carrier_year_tenants_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;