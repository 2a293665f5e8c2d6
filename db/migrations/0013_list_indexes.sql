CREATE INDEX "carriers_name_trgm_idx" ON "carriers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "carriers_name_en_trgm_idx" ON "carriers" USING gin ("name_en" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "carriers_operator_org_trgm_idx" ON "carriers" USING gin ("operator_org" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "graduations_queue_idx" ON "graduations" USING btree (("status" = 'pending') DESC,(CASE WHEN "status" = 'pending' THEN "created_at" END),"verified_at" DESC NULLS LAST,"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "graduations_pending_idx" ON "graduations" USING btree ("created_at","id") WHERE "graduations"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "ventures_name_trgm_idx" ON "ventures" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "ventures_credit_code_trgm_idx" ON "ventures" USING gin ("credit_code" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "applications_submitted_idx" ON "applications" USING btree ("submitted_at","id");--> statement-breakpoint
CREATE INDEX "applications_carrier_updated_idx" ON "applications" USING btree ("carrier_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "blacklist_subject_name_trgm_idx" ON "blacklist_entries" USING gin ("subject_name" gin_trgm_ops);