DROP INDEX "residencies_entered_idx";--> statement-breakpoint
CREATE INDEX "venture_reports_year_cover" ON "venture_reports" USING btree ("year","venture_id","carrier_id","quarter","revenue_fen","net_profit_fen","rd_spend_fen","tax_fen","financing_fen","employees","ip_filed","ip_granted","invention_patents");--> statement-breakpoint
CREATE INDEX "ventures_high_tech_cert_idx" ON "ventures" USING btree ("high_tech_cert_on");--> statement-breakpoint
CREATE INDEX "residencies_entered_idx" ON "residencies" USING btree ("entered_on","venture_id");