CREATE TABLE "graduation_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"graduation_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "graduation_files_size" CHECK ("graduation_files"."size_bytes" > 0 AND "graduation_files"."size_bytes" <= 10485760)
);
--> statement-breakpoint
ALTER TABLE "graduation_files" ADD CONSTRAINT "graduation_files_graduation_id_graduations_id_fk" FOREIGN KEY ("graduation_id") REFERENCES "public"."graduations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduation_files" ADD CONSTRAINT "graduation_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "graduation_files_graduation_idx" ON "graduation_files" USING btree ("graduation_id");