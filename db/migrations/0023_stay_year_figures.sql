CREATE TABLE "stay_year_figures" (
	"year" smallint NOT NULL,
	"carrier_id" integer NOT NULL,
	"venture_id" integer NOT NULL,
	"entered_on" date NOT NULL,
	"area_m2" integer NOT NULL,
	"at_year_end" boolean NOT NULL,
	"covered" smallint NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	"revenue_fen" bigint DEFAULT 0 NOT NULL,
	"net_profit_fen" bigint DEFAULT 0 NOT NULL,
	"rd_spend_fen" bigint DEFAULT 0 NOT NULL,
	"tax_fen" bigint DEFAULT 0 NOT NULL,
	"financing_fen" bigint DEFAULT 0 NOT NULL,
	"employees" integer DEFAULT 0 NOT NULL,
	"ip_filed" integer DEFAULT 0 NOT NULL,
	"ip_granted" integer DEFAULT 0 NOT NULL,
	"invention_patents" integer DEFAULT 0 NOT NULL,
	"graduated_on" date,
	"name" text NOT NULL,
	"kind" "venture_kind" NOT NULL,
	"industry" "industry" NOT NULL,
	"founded_on" date,
	"no_credit_code" boolean NOT NULL,
	"no_technical_field" boolean NOT NULL,
	CONSTRAINT "stay_year_figures_year_carrier_id_venture_id_pk" PRIMARY KEY("year","carrier_id","venture_id")
);
--> statement-breakpoint
CREATE TABLE "stay_year_horizon" (
	"year" smallint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "carrier_year_figures" ADD COLUMN "revenue_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "carrier_year_figures" ADD COLUMN "rd_spend_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "carrier_year_figures" ADD COLUMN "tax_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "carrier_year_figures" ADD COLUMN "financing_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stay_year_figures" ADD CONSTRAINT "stay_year_figures_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_year_figures" ADD CONSTRAINT "stay_year_figures_venture_id_ventures_id_fk" FOREIGN KEY ("venture_id") REFERENCES "public"."ventures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stay_year_figures_venture_idx" ON "stay_year_figures" USING btree ("venture_id");