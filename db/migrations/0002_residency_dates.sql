CREATE INDEX "residencies_entered_idx" ON "residencies" USING btree ("entered_on");--> statement-breakpoint
CREATE INDEX "residencies_left_idx" ON "residencies" USING btree ("left_on");