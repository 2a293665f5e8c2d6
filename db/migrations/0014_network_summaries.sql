CREATE TABLE "carrier_quarter_figures" (
	"carrier_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"industry" "industry" NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	"revenue_fen" bigint DEFAULT 0 NOT NULL,
	"net_profit_fen" bigint DEFAULT 0 NOT NULL,
	"rd_spend_fen" bigint DEFAULT 0 NOT NULL,
	"tax_fen" bigint DEFAULT 0 NOT NULL,
	"financing_fen" bigint DEFAULT 0 NOT NULL,
	"employees" bigint DEFAULT 0 NOT NULL,
	"ip_filed" bigint DEFAULT 0 NOT NULL,
	"ip_granted" bigint DEFAULT 0 NOT NULL,
	"high_tech" integer DEFAULT 0 NOT NULL,
	"graduations" integer DEFAULT 0 NOT NULL,
	"pending_graduations" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "carrier_quarter_figures_carrier_id_year_quarter_industry_pk" PRIMARY KEY("carrier_id","year","quarter","industry")
);
--> statement-breakpoint
CREATE TABLE "carrier_year_figures" (
	"carrier_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"reporting_tenants" integer DEFAULT 0 NOT NULL,
	"employees" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "carrier_year_figures_carrier_id_year_pk" PRIMARY KEY("carrier_id","year")
);
--> statement-breakpoint
CREATE TABLE "programme_funding" (
	"program_id" integer NOT NULL,
	"carrier_id" integer NOT NULL,
	"industry" text DEFAULT '' NOT NULL,
	"committed_fen" bigint DEFAULT 0 NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"awards" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "programme_funding_program_id_carrier_id_industry_pk" PRIMARY KEY("program_id","carrier_id","industry")
);
--> statement-breakpoint
ALTER TABLE "carrier_quarter_figures" ADD CONSTRAINT "carrier_quarter_figures_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_year_figures" ADD CONSTRAINT "carrier_year_figures_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_funding" ADD CONSTRAINT "programme_funding_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_funding" ADD CONSTRAINT "programme_funding_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "carrier_quarter_figures_period_idx" ON "carrier_quarter_figures" USING btree ("year","quarter");--> statement-breakpoint
CREATE INDEX "carrier_year_figures_year_idx" ON "carrier_year_figures" USING btree ("year");