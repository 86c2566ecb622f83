DROP INDEX "measurement_idempotency_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "measurement_idempotency_uq" ON "measurement" USING btree ("municipality_id","department_id","idempotency_key");