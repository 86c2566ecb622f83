CREATE TABLE `archetype_line` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`target_group_id` text NOT NULL,
	`type_code` text NOT NULL,
	`quantity` integer NOT NULL,
	FOREIGN KEY (`target_group_id`) REFERENCES `target_group`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `archetype_line_group_idx` ON `archetype_line` (`target_group_id`);--> statement-breakpoint
CREATE TABLE `price_version` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`type_code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`unit` text NOT NULL,
	`price_ore` integer NOT NULL,
	`department_id` text NOT NULL,
	`legal_basis` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	FOREIGN KEY (`department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `price_version_type_idx` ON `price_version` (`municipality_id`,`type_code`);--> statement-breakpoint
CREATE TABLE `provision` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`citizen_id` text NOT NULL,
	`plan_id` text,
	`type_code` text NOT NULL,
	`quantity` integer NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `plan`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `provision_citizen_idx` ON `provision` (`citizen_id`);--> statement-breakpoint
CREATE INDEX `provision_municipality_idx` ON `provision` (`municipality_id`,`starts_on`);