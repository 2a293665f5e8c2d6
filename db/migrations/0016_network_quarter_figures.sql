CREATE TABLE "network_figure_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "network_figure_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_quarter_figures" (
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"zone" text NOT NULL,
	"kind" "carrier_kind" NOT NULL,
	"level" "carrier_level" NOT NULL,
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
	CONSTRAINT "network_quarter_figures_year_quarter_zone_kind_level_industry_pk" PRIMARY KEY("year","quarter","zone","kind","level","industry")
);
--> statement-breakpoint
CREATE TABLE "programme_totals" (
	"program_id" integer PRIMARY KEY NOT NULL,
	"committed_fen" bigint DEFAULT 0 NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"awards" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "programme_totals" ADD CONSTRAINT "programme_totals_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;