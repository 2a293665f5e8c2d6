-- The role type is made anew with the two new values rather than extended with ADD VALUE: a value
-- added by ADD VALUE cannot be used in the transaction that adds it, and a restore rebuilds the
-- schema and reloads the rows in one transaction.
ALTER TYPE "public"."role" RENAME TO "role_before_administrators";--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('operator', 'committee', 'admin', 'security', 'auditor');--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "role" TYPE "public"."role" USING "role"::text::"public"."role";--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "role" TYPE "public"."role" USING "role"::text::"public"."role";--> statement-breakpoint
ALTER TABLE "rights_grants" ALTER COLUMN "role" TYPE "public"."role" USING "role"::text::"public"."role";--> statement-breakpoint
ALTER TABLE "rights_grants" ALTER COLUMN "previous_role" TYPE "public"."role" USING "previous_role"::text::"public"."role";--> statement-breakpoint
DROP TYPE "public"."role_before_administrators";
