CREATE TYPE "public"."applicant_type" AS ENUM('carrier', 'venture');--> statement-breakpoint
CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'returned', 'in_review', 'reviewed', 'approved', 'rejected', 'paid', 'accepted', 'acceptance_failed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."blacklist_subject" AS ENUM('venture', 'carrier');--> statement-breakpoint
CREATE TYPE "public"."carrier_kind" AS ENUM('nursery', 'incubator', 'accelerator');--> statement-breakpoint
CREATE TYPE "public"."carrier_level" AS ENUM('national', 'municipal', 'district', 'none');--> statement-breakpoint
CREATE TYPE "public"."carrier_status" AS ENUM('active', 'suspended', 'closed');--> statement-breakpoint
CREATE TYPE "public"."exit_kind" AS ENUM('acquired', 'listed');--> statement-breakpoint
CREATE TYPE "public"."exit_reason" AS ENUM('graduated', 'moved', 'failed', 'expired', 'voluntary', 'incorporated');--> statement-breakpoint
CREATE TYPE "public"."funding_mode" AS ENUM('pre_funded', 'post_subsidy');--> statement-breakpoint
CREATE TYPE "public"."graduation_criterion" AS ENUM('high_tech', 'financing', 'revenue', 'exit');--> statement-breakpoint
CREATE TYPE "public"."graduation_status" AS ENUM('pending', 'verified', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."industry" AS ENUM('biomedicine', 'integrated_circuits', 'modern_agriculture', 'ai', 'software', 'new_energy', 'new_materials', 'advanced_manufacturing', 'fintech', 'culture_creative', 'other');--> statement-breakpoint
CREATE TYPE "public"."ownership" AS ENUM('state', 'private', 'mixed', 'university');--> statement-breakpoint
CREATE TYPE "public"."program_category" AS ENUM('operation', 'construction', 'rent', 'graduation_reward', 'nursery_project', 'rd_post_subsidy', 'ip_pledge_risk');--> statement-breakpoint
CREATE TYPE "public"."program_status" AS ENUM('draft', 'open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."review_recommendation" AS ENUM('fund', 'fund_reduced', 'reject');--> statement-breakpoint
CREATE TYPE "public"."residency_stage" AS ENUM('nursery', 'incubating', 'accelerating');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('operator', 'committee', 'admin');--> statement-breakpoint
CREATE TYPE "public"."venture_kind" AS ENUM('team', 'company');--> statement-breakpoint
CREATE TYPE "public"."venture_stage" AS ENUM('nursery', 'incubating', 'graduated', 'accelerating', 'exited');--> statement-breakpoint
CREATE TABLE "operator_carriers" (
	"user_id" integer NOT NULL,
	"carrier_id" integer NOT NULL,
	CONSTRAINT "operator_carriers_user_id_carrier_id_pk" PRIMARY KEY("user_id","carrier_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "carriers" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"kind" "carrier_kind" NOT NULL,
	"level" "carrier_level" DEFAULT 'none' NOT NULL,
	"ownership" "ownership" NOT NULL,
	"operator_org" text NOT NULL,
	"zone" text NOT NULL,
	"address" text,
	"operating_since" date,
	"total_area_m2" integer DEFAULT 0 NOT NULL,
	"incubation_area_m2" integer DEFAULT 0 NOT NULL,
	"public_service_area_m2" integer DEFAULT 0 NOT NULL,
	"workstations" integer DEFAULT 0 NOT NULL,
	"seed_fund_fen" bigint DEFAULT 0 NOT NULL,
	"professional_staff" integer DEFAULT 0 NOT NULL,
	"total_staff" integer DEFAULT 0 NOT NULL,
	"mentors" integer DEFAULT 0 NOT NULL,
	"focus_industries" "industry"[] DEFAULT '{}' NOT NULL,
	"services" text,
	"specialised" boolean DEFAULT false NOT NULL,
	"status" "carrier_status" DEFAULT 'active' NOT NULL,
	"public_profile" boolean DEFAULT true NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"credit_code" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carriers_areas_nonneg" CHECK ("carriers"."total_area_m2" >= 0 AND "carriers"."incubation_area_m2" >= 0 AND "carriers"."public_service_area_m2" >= 0 AND "carriers"."workstations" >= 0),
	CONSTRAINT "carriers_incubation_within_total" CHECK ("carriers"."incubation_area_m2" + "carriers"."public_service_area_m2" <= "carriers"."total_area_m2"),
	CONSTRAINT "carriers_seed_fund_nonneg" CHECK ("carriers"."seed_fund_fen" >= 0),
	CONSTRAINT "carriers_staff_nonneg" CHECK ("carriers"."professional_staff" >= 0 AND "carriers"."total_staff" >= "carriers"."professional_staff" AND "carriers"."mentors" >= 0)
);
--> statement-breakpoint
CREATE TABLE "graduations" (
	"id" serial PRIMARY KEY NOT NULL,
	"venture_id" integer NOT NULL,
	"carrier_id" integer NOT NULL,
	"graduated_on" date NOT NULL,
	"criteria" "graduation_criterion"[] NOT NULL,
	"evidence" text NOT NULL,
	"recorded_by" integer,
	"verified_by" integer,
	"verified_at" timestamp with time zone,
	"rejection_reason" text,
	"status" "graduation_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "graduations_has_criteria" CHECK (cardinality("graduations"."criteria") > 0)
);
--> statement-breakpoint
CREATE TABLE "residencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"venture_id" integer NOT NULL,
	"carrier_id" integer NOT NULL,
	"stage" "residency_stage" NOT NULL,
	"entered_on" date NOT NULL,
	"left_on" date,
	"exit_reason" "exit_reason",
	"area_m2" integer DEFAULT 0 NOT NULL,
	"workstations" integer DEFAULT 0 NOT NULL,
	"rule_warnings" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residencies_space_nonneg" CHECK ("residencies"."area_m2" >= 0 AND "residencies"."workstations" >= 0),
	CONSTRAINT "residencies_dates" CHECK ("residencies"."left_on" IS NULL OR "residencies"."left_on" >= "residencies"."entered_on"),
	CONSTRAINT "residencies_exit_reason" CHECK (("residencies"."left_on" IS NULL) = ("residencies"."exit_reason" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "venture_financings" (
	"id" serial PRIMARY KEY NOT NULL,
	"venture_id" integer NOT NULL,
	"received_on" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"investor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "venture_financings_amount_pos" CHECK ("venture_financings"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "venture_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"venture_id" integer NOT NULL,
	"carrier_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"revenue_fen" bigint DEFAULT 0 NOT NULL,
	"net_profit_fen" bigint DEFAULT 0 NOT NULL,
	"rd_spend_fen" bigint DEFAULT 0 NOT NULL,
	"tax_fen" bigint DEFAULT 0 NOT NULL,
	"financing_fen" bigint DEFAULT 0 NOT NULL,
	"employees" integer DEFAULT 0 NOT NULL,
	"ip_filed" integer DEFAULT 0 NOT NULL,
	"ip_granted" integer DEFAULT 0 NOT NULL,
	"invention_patents" integer DEFAULT 0 NOT NULL,
	"filed_by" integer,
	"filed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "venture_reports_quarter" CHECK ("venture_reports"."quarter" BETWEEN 1 AND 4),
	CONSTRAINT "venture_reports_nonneg" CHECK ("venture_reports"."revenue_fen" >= 0 AND "venture_reports"."rd_spend_fen" >= 0 AND "venture_reports"."tax_fen" >= 0 AND "venture_reports"."financing_fen" >= 0 AND "venture_reports"."employees" >= 0 AND "venture_reports"."ip_filed" >= 0 AND "venture_reports"."ip_granted" >= 0 AND "venture_reports"."invention_patents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "ventures" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "venture_kind" NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"credit_code_override" text,
	"industry" "industry" NOT NULL,
	"technical_field" text,
	"founded_on" date,
	"founders" text,
	"talent_flags" text[] DEFAULT '{}' NOT NULL,
	"high_tech_cert_no" text,
	"high_tech_cert_on" date,
	"exit_kind" "exit_kind",
	"exit_on" date,
	"stage" "venture_stage" NOT NULL,
	"current_carrier_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ventures_company_has_code" CHECK (("ventures"."kind" = 'team' AND "ventures"."credit_code" IS NULL) OR ("ventures"."kind" = 'company' AND "ventures"."credit_code" IS NOT NULL)),
	CONSTRAINT "ventures_credit_code_format" CHECK ("ventures"."credit_code" IS NULL OR char_length("ventures"."credit_code") = 18),
	CONSTRAINT "ventures_exit_complete" CHECK (("ventures"."exit_kind" IS NULL) = ("ventures"."exit_on" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"actor_id" integer,
	"from_status" "application_status",
	"to_status" "application_status" NOT NULL,
	"comment" text,
	"visible_to_applicant" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"ref_no" text NOT NULL,
	"program_id" integer NOT NULL,
	"carrier_id" integer NOT NULL,
	"venture_id" integer,
	"purpose" text NOT NULL,
	"requested_fen" bigint NOT NULL,
	"approved_fen" bigint,
	"final_fen" bigint,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"created_by" integer,
	"submitted_at" timestamp with time zone,
	"accepted_by" integer,
	"accepted_at" timestamp with time zone,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"inspected_by" integer,
	"inspected_at" timestamp with time zone,
	"inspection_due_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_requested_pos" CHECK ("applications"."requested_fen" > 0),
	CONSTRAINT "applications_approved_range" CHECK ("applications"."approved_fen" IS NULL OR ("applications"."approved_fen" >= 0 AND "applications"."approved_fen" <= "applications"."requested_fen")),
	CONSTRAINT "applications_final_range" CHECK ("applications"."final_fen" IS NULL OR ("applications"."final_fen" >= 0 AND "applications"."final_fen" <= "applications"."approved_fen")),
	CONSTRAINT "applications_paid_range" CHECK ("applications"."paid_fen" >= 0 AND "applications"."paid_fen" <= coalesce("applications"."final_fen", "applications"."approved_fen", 0))
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"document_type" text,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_size" CHECK ("attachments"."size_bytes" > 0 AND "attachments"."size_bytes" <= 10485760)
);
--> statement-breakpoint
CREATE TABLE "disbursements" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"voucher_no" text NOT NULL,
	"paid_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disbursements_amount_pos" CHECK ("disbursements"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"target_value" double precision NOT NULL,
	"actual_value" double precision,
	"passed" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"year" smallint NOT NULL,
	"category" "program_category" NOT NULL,
	"applicant_type" "applicant_type" NOT NULL,
	"eligible_kinds" "carrier_kind"[] DEFAULT '{}' NOT NULL,
	"eligible_stages" "venture_stage"[] DEFAULT '{}' NOT NULL,
	"funding_mode" "funding_mode" NOT NULL,
	"budget_fen" bigint NOT NULL,
	"cap_fen" bigint NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"required_documents" text[] DEFAULT '{}' NOT NULL,
	"description" text,
	"status" "program_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_money" CHECK ("programs"."budget_fen" >= 0 AND "programs"."cap_fen" > 0 AND "programs"."cap_fen" <= "programs"."budget_fen"),
	CONSTRAINT "programs_dates" CHECK ("programs"."closes_on" >= "programs"."opens_on")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"reviewer_id" integer NOT NULL,
	"score" smallint NOT NULL,
	"recommendation" "review_recommendation" NOT NULL,
	"recommended_fen" bigint,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_score" CHECK ("reviews"."score" BETWEEN 0 AND 100),
	CONSTRAINT "reviews_recommended_nonneg" CHECK ("reviews"."recommended_fen" IS NULL OR "reviews"."recommended_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "annual_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"metric" text NOT NULL,
	"target_min" double precision NOT NULL,
	"target_max" double precision,
	"unit" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_targets_range" CHECK ("annual_targets"."target_max" IS NULL OR "annual_targets"."target_max" >= "annual_targets"."target_min")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"role" "role",
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"carrier_id" integer,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blacklist_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject_type" "blacklist_subject" NOT NULL,
	"venture_id" integer,
	"carrier_id" integer,
	"subject_name" text NOT NULL,
	"credit_code" text,
	"misconduct" text NOT NULL,
	"outcome" text NOT NULL,
	"handling_body" text NOT NULL,
	"legal_basis" text NOT NULL,
	"effective_on" date NOT NULL,
	"sanction_ends_on" date,
	"lifted_on" date,
	"lifted_by" integer,
	"lift_reason" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blacklist_subject" CHECK (("blacklist_entries"."subject_type" = 'venture' AND "blacklist_entries"."credit_code" IS NOT NULL) OR ("blacklist_entries"."subject_type" = 'carrier' AND "blacklist_entries"."carrier_id" IS NOT NULL)),
	CONSTRAINT "blacklist_sanction_dates" CHECK ("blacklist_entries"."sanction_ends_on" IS NULL OR "blacklist_entries"."sanction_ends_on" >= "blacklist_entries"."effective_on"),
	CONSTRAINT "blacklist_lift_complete" CHECK (("blacklist_entries"."lifted_on" IS NULL) = ("blacklist_entries"."lift_reason" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "operator_carriers" ADD CONSTRAINT "operator_carriers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_carriers" ADD CONSTRAINT "operator_carriers_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduations" ADD CONSTRAINT "graduations_venture_id_ventures_id_fk" FOREIGN KEY ("venture_id") REFERENCES "public"."ventures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduations" ADD CONSTRAINT "graduations_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduations" ADD CONSTRAINT "graduations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduations" ADD CONSTRAINT "graduations_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residencies" ADD CONSTRAINT "residencies_venture_id_ventures_id_fk" FOREIGN KEY ("venture_id") REFERENCES "public"."ventures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residencies" ADD CONSTRAINT "residencies_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_financings" ADD CONSTRAINT "venture_financings_venture_id_ventures_id_fk" FOREIGN KEY ("venture_id") REFERENCES "public"."ventures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_reports" ADD CONSTRAINT "venture_reports_venture_id_ventures_id_fk" FOREIGN KEY ("venture_id") REFERENCES "public"."ventures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_reports" ADD CONSTRAINT "venture_reports_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venture_reports" ADD CONSTRAINT "venture_reports_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ventures" ADD CONSTRAINT "ventures_current_carrier_id_carriers_id_fk" FOREIGN KEY ("current_carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_venture_id_ventures_id_fk" FOREIGN KEY ("venture_id") REFERENCES "public"."ventures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_inspected_by_users_id_fk" FOREIGN KEY ("inspected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blacklist_entries" ADD CONSTRAINT "blacklist_entries_venture_id_ventures_id_fk" FOREIGN KEY ("venture_id") REFERENCES "public"."ventures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blacklist_entries" ADD CONSTRAINT "blacklist_entries_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blacklist_entries" ADD CONSTRAINT "blacklist_entries_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blacklist_entries" ADD CONSTRAINT "blacklist_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "operator_carriers_carrier_idx" ON "operator_carriers" USING btree ("carrier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role");--> statement-breakpoint
CREATE INDEX "carriers_kind_idx" ON "carriers" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "carriers_zone_idx" ON "carriers" USING btree ("zone");--> statement-breakpoint
CREATE INDEX "carriers_level_idx" ON "carriers" USING btree ("level");--> statement-breakpoint
CREATE INDEX "graduations_carrier_idx" ON "graduations" USING btree ("carrier_id","graduated_on");--> statement-breakpoint
CREATE INDEX "graduations_status_idx" ON "graduations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "graduations_venture_idx" ON "graduations" USING btree ("venture_id");--> statement-breakpoint
CREATE UNIQUE INDEX "residencies_one_open_per_venture" ON "residencies" USING btree ("venture_id") WHERE "residencies"."left_on" IS NULL;--> statement-breakpoint
CREATE INDEX "residencies_venture_idx" ON "residencies" USING btree ("venture_id","entered_on");--> statement-breakpoint
CREATE INDEX "residencies_carrier_open_idx" ON "residencies" USING btree ("carrier_id","left_on");--> statement-breakpoint
CREATE INDEX "venture_financings_venture_idx" ON "venture_financings" USING btree ("venture_id");--> statement-breakpoint
CREATE UNIQUE INDEX "venture_reports_one_per_quarter" ON "venture_reports" USING btree ("venture_id","year","quarter");--> statement-breakpoint
CREATE INDEX "venture_reports_carrier_period_idx" ON "venture_reports" USING btree ("carrier_id","year","quarter");--> statement-breakpoint
CREATE INDEX "venture_reports_period_idx" ON "venture_reports" USING btree ("year","quarter");--> statement-breakpoint
CREATE UNIQUE INDEX "ventures_credit_code_key" ON "ventures" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "ventures_carrier_stage_idx" ON "ventures" USING btree ("current_carrier_id","stage");--> statement-breakpoint
CREATE INDEX "ventures_stage_idx" ON "ventures" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "ventures_industry_idx" ON "ventures" USING btree ("industry");--> statement-breakpoint
CREATE INDEX "ventures_name_idx" ON "ventures" USING btree ("name");--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_ref_no_key" ON "applications" USING btree ("ref_no");--> statement-breakpoint
CREATE INDEX "applications_program_status_idx" ON "applications" USING btree ("program_id","status");--> statement-breakpoint
CREATE INDEX "applications_carrier_status_idx" ON "applications" USING btree ("carrier_id","status");--> statement-breakpoint
CREATE INDEX "applications_venture_idx" ON "applications" USING btree ("venture_id");--> statement-breakpoint
CREATE INDEX "applications_status_submitted_idx" ON "applications" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "attachments_application_idx" ON "attachments" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "disbursements_application_idx" ON "disbursements" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disbursements_voucher_key" ON "disbursements" USING btree ("voucher_no");--> statement-breakpoint
CREATE INDEX "indicators_application_idx" ON "indicators" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_code_key" ON "programs" USING btree ("code");--> statement-breakpoint
CREATE INDEX "programs_year_status_idx" ON "programs" USING btree ("year","status");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_one_per_reviewer" ON "reviews" USING btree ("application_id","reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_targets_year_metric_key" ON "annual_targets" USING btree ("year","metric");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_carrier_idx" ON "audit_log" USING btree ("carrier_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "blacklist_credit_code_idx" ON "blacklist_entries" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "blacklist_venture_idx" ON "blacklist_entries" USING btree ("venture_id");--> statement-breakpoint
CREATE INDEX "blacklist_carrier_idx" ON "blacklist_entries" USING btree ("carrier_id");--> statement-breakpoint
CREATE INDEX "notifications_user_unread_idx" ON "notifications" USING btree ("user_id","read_at","created_at");