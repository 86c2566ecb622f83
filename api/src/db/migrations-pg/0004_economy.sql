CREATE TABLE "archetype_line" (
	"id" text PRIMARY KEY NOT NULL,
	"municipality_id" text NOT NULL,
	"target_group_id" text NOT NULL,
	"type_code" text NOT NULL,
	"quantity" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_version" (
	"id" text PRIMARY KEY NOT NULL,
	"municipality_id" text NOT NULL,
	"type_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"unit" text NOT NULL,
	"price_ore" integer NOT NULL,
	"department_id" text NOT NULL,
	"legal_basis" text NOT NULL,
	"valid_from" text NOT NULL,
	"valid_to" text
);
--> statement-breakpoint
CREATE TABLE "provision" (
	"id" text PRIMARY KEY NOT NULL,
	"municipality_id" text NOT NULL,
	"citizen_id" text NOT NULL,
	"plan_id" text,
	"type_code" text NOT NULL,
	"quantity" integer NOT NULL,
	"starts_on" text NOT NULL,
	"ends_on" text,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "archetype_line" ADD CONSTRAINT "archetype_line_target_group_id_target_group_id_fk" FOREIGN KEY ("target_group_id") REFERENCES "public"."target_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_version" ADD CONSTRAINT "price_version_department_id_department_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."department"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision" ADD CONSTRAINT "provision_citizen_id_citizen_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision" ADD CONSTRAINT "provision_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "archetype_line_group_idx" ON "archetype_line" USING btree ("target_group_id");--> statement-breakpoint
CREATE INDEX "price_version_type_idx" ON "price_version" USING btree ("municipality_id","type_code");--> statement-breakpoint
CREATE INDEX "provision_citizen_idx" ON "provision" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "provision_municipality_idx" ON "provision" USING btree ("municipality_id","starts_on");