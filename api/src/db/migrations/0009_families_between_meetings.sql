CREATE TABLE `invitation` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`invitee_id` text NOT NULL,
	`scope` text NOT NULL,
	`subject_citizen_id` text,
	`instrument_key` text,
	`plan_id` text,
	`department_id` text NOT NULL,
	`language` text NOT NULL,
	`delivery` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`answer_key` text,
	`revoked_at` integer,
	`revoked_by` text,
	FOREIGN KEY (`invitee_id`) REFERENCES `citizen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_citizen_id`) REFERENCES `citizen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `plan`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitation_token_uq` ON `invitation` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitation_invitee_idx` ON `invitation` (`municipality_id`,`invitee_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `invitation_subject_idx` ON `invitation` (`municipality_id`,`subject_citizen_id`);--> statement-breakpoint
CREATE INDEX `invitation_plan_idx` ON `invitation` (`municipality_id`,`plan_id`);--> statement-breakpoint
CREATE TABLE `notification_opt_out` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`citizen_id` text,
	`professional_id` text,
	`kind` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizen`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `opt_out_citizen_uq` ON `notification_opt_out` (`municipality_id`,`citizen_id`,`kind`);--> statement-breakpoint
CREATE UNIQUE INDEX `opt_out_professional_uq` ON `notification_opt_out` (`municipality_id`,`professional_id`,`kind`);--> statement-breakpoint
CREATE TABLE `outbox_message` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`reference` text,
	`dedupe_key` text NOT NULL,
	`status` text DEFAULT 'PENDING' NOT NULL,
	`created_at` integer NOT NULL,
	`not_before` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`claimed_until` integer,
	`sent_at` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_uq` ON `outbox_message` (`municipality_id`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox_message` (`status`,`not_before`);--> statement-breakpoint
CREATE INDEX `outbox_reference_idx` ON `outbox_message` (`municipality_id`,`reference`);--> statement-breakpoint
ALTER TABLE `goal_rating` ADD `channel` text DEFAULT 'SESSION' NOT NULL;--> statement-breakpoint
ALTER TABLE `measurement` ADD `channel` text DEFAULT 'SESSION' NOT NULL;--> statement-breakpoint
ALTER TABLE `professional` ADD `email` text;--> statement-breakpoint
-- Ratings given in a meeting so far were marked SESSION by the column's default.
UPDATE "goal_rating" SET "channel" = 'MEETING' WHERE "meeting_id" IS NOT NULL;