DROP INDEX `measurement_idempotency_uq`;--> statement-breakpoint
CREATE UNIQUE INDEX `measurement_idempotency_uq` ON `measurement` (`municipality_id`,`department_id`,`idempotency_key`);--> statement-breakpoint
ALTER TABLE `audit_event` ADD `detail` text;