DROP INDEX "measurement_idempotency_uq";--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "detail" text;--> statement-breakpoint
CREATE UNIQUE INDEX "measurement_idempotency_uq" ON "measurement" USING btree ("municipality_id","department_id","idempotency_key");