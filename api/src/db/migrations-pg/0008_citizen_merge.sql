CREATE TABLE "citizen_merge" (
	"id" text PRIMARY KEY NOT NULL,
	"municipality_id" text NOT NULL,
	"survivor_id" text NOT NULL,
	"duplicate_id" text NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"merged_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"decided_at" timestamp (3) with time zone,
	"decided_by" text
);
--> statement-breakpoint
CREATE TABLE "citizen_merge_row" (
	"id" text PRIMARY KEY NOT NULL,
	"merge_id" text NOT NULL,
	"target" text NOT NULL,
	"row_key" text NOT NULL,
	"action" text NOT NULL,
	"previous" text
);
--> statement-breakpoint
ALTER TABLE "citizen" ADD COLUMN "merged_into_id" text;--> statement-breakpoint
ALTER TABLE "citizen_merge" ADD CONSTRAINT "citizen_merge_survivor_id_citizen_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."citizen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_merge" ADD CONSTRAINT "citizen_merge_duplicate_id_citizen_id_fk" FOREIGN KEY ("duplicate_id") REFERENCES "public"."citizen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_merge_row" ADD CONSTRAINT "citizen_merge_row_merge_id_citizen_merge_id_fk" FOREIGN KEY ("merge_id") REFERENCES "public"."citizen_merge"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citizen_merge_survivor_idx" ON "citizen_merge" USING btree ("municipality_id","survivor_id");--> statement-breakpoint
CREATE INDEX "citizen_merge_duplicate_idx" ON "citizen_merge" USING btree ("municipality_id","duplicate_id");--> statement-breakpoint
CREATE INDEX "citizen_merge_row_merge_idx" ON "citizen_merge_row" USING btree ("merge_id");