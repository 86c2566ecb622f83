CREATE TABLE `citizen_merge` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`survivor_id` text NOT NULL,
	`duplicate_id` text NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`merged_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	`decided_by` text,
	FOREIGN KEY (`survivor_id`) REFERENCES `citizen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`duplicate_id`) REFERENCES `citizen`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `citizen_merge_survivor_idx` ON `citizen_merge` (`municipality_id`,`survivor_id`);--> statement-breakpoint
CREATE INDEX `citizen_merge_duplicate_idx` ON `citizen_merge` (`municipality_id`,`duplicate_id`);--> statement-breakpoint
CREATE TABLE `citizen_merge_row` (
	`id` text PRIMARY KEY NOT NULL,
	`merge_id` text NOT NULL,
	`target` text NOT NULL,
	`row_key` text NOT NULL,
	`action` text NOT NULL,
	`previous` text,
	FOREIGN KEY (`merge_id`) REFERENCES `citizen_merge`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `citizen_merge_row_merge_idx` ON `citizen_merge_row` (`merge_id`);--> statement-breakpoint
ALTER TABLE `citizen` ADD `merged_into_id` text;