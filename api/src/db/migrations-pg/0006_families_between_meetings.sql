CREATE TABLE "invitation" (
	"id" text PRIMARY KEY NOT NULL,
	"municipality_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"invitee_id" text NOT NULL,
	"scope" text NOT NULL,
	"subject_citizen_id" text,
	"instrument_key" text,
	"plan_id" text,
	"department_id" text NOT NULL,
	"language" text NOT NULL,
	"delivery" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"used_at" timestamp (3) with time zone,
	"answer_key" text,
	"revoked_at" timestamp (3) with time zone,
	"revoked_by" text
);
--> statement-breakpoint
CREATE TABLE "notification_opt_out" (
	"id" text PRIMARY KEY NOT NULL,
	"municipality_id" text NOT NULL,
	"citizen_id" text,
	"professional_id" text,
	"kind" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_message" (
	"id" text PRIMARY KEY NOT NULL,
	"municipality_id" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"reference" text,
	"dedupe_key" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"not_before" timestamp (3) with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"claimed_until" timestamp (3) with time zone,
	"sent_at" timestamp (3) with time zone,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "goal_rating" ADD COLUMN "channel" text DEFAULT 'SESSION' NOT NULL;--> statement-breakpoint
ALTER TABLE "measurement" ADD COLUMN "channel" text DEFAULT 'SESSION' NOT NULL;--> statement-breakpoint
ALTER TABLE "professional" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_invitee_id_citizen_id_fk" FOREIGN KEY ("invitee_id") REFERENCES "public"."citizen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_subject_citizen_id_citizen_id_fk" FOREIGN KEY ("subject_citizen_id") REFERENCES "public"."citizen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_opt_out" ADD CONSTRAINT "notification_opt_out_citizen_id_citizen_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invitation_token_uq" ON "invitation" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitation_invitee_idx" ON "invitation" USING btree ("municipality_id","invitee_id","created_at");--> statement-breakpoint
CREATE INDEX "invitation_subject_idx" ON "invitation" USING btree ("municipality_id","subject_citizen_id");--> statement-breakpoint
CREATE INDEX "invitation_plan_idx" ON "invitation" USING btree ("municipality_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opt_out_citizen_uq" ON "notification_opt_out" USING btree ("municipality_id","citizen_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "opt_out_professional_uq" ON "notification_opt_out" USING btree ("municipality_id","professional_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_dedupe_uq" ON "outbox_message" USING btree ("municipality_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox_message" USING btree ("status","not_before");--> statement-breakpoint
CREATE INDEX "outbox_reference_idx" ON "outbox_message" USING btree ("municipality_id","reference");--> statement-breakpoint
-- Ratings given in a meeting so far were marked SESSION by the column's default.
UPDATE "goal_rating" SET "channel" = 'MEETING' WHERE "meeting_id" IS NOT NULL;