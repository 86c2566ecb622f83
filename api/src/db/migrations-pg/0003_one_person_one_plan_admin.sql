ALTER TABLE "citizen" ADD COLUMN "cpr_hash" text;--> statement-breakpoint
ALTER TABLE "family_member" ADD COLUMN "custody" text;--> statement-breakpoint
ALTER TABLE "department" ADD COLUMN "retired_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "professional" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "target_group" ADD COLUMN "description" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "plan" ADD COLUMN "coordinator_professional_id" text;--> statement-breakpoint
ALTER TABLE "plan" ADD COLUMN "closed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_coordinator_professional_id_professional_id_fk" FOREIGN KEY ("coordinator_professional_id") REFERENCES "public"."professional"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "citizen_cpr_hash_uq" ON "citizen" USING btree ("municipality_id","cpr_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "department_name_uq" ON "department" USING btree ("municipality_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "professional_subject_uq" ON "professional" USING btree ("municipality_id","subject");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_one_active_per_citizen_uq" ON "plan" USING btree ("citizen_id") WHERE "plan"."closed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_one_active_per_family_uq" ON "plan" USING btree ("family_id") WHERE "plan"."closed_at" is null;