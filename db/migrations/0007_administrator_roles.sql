ALTER TYPE "public"."role" ADD VALUE 'security';--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'auditor';