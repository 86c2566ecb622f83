CREATE TABLE `audit_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text NOT NULL,
	`actor_role` text NOT NULL,
	`department_id` text,
	`citizen_id` text,
	`action` text NOT NULL,
	`purpose` text NOT NULL,
	`outcome` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_event_citizen_idx` ON `audit_event` (`municipality_id`,`citizen_id`,`at`);--> statement-breakpoint
CREATE TABLE `consent` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`citizen_id` text NOT NULL,
	`from_department_id` text NOT NULL,
	`to_department_id` text NOT NULL,
	`purpose` text NOT NULL,
	`granted_at` integer NOT NULL,
	`granted_by` text NOT NULL,
	`valid_until` integer,
	`revoked_at` integer,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_citizen_idx` ON `consent` (`municipality_id`,`citizen_id`,`to_department_id`);--> statement-breakpoint
CREATE TABLE `citizen` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`display_name` text NOT NULL,
	`birth_year` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `citizen_municipality_idx` ON `citizen` (`municipality_id`);--> statement-breakpoint
CREATE TABLE `citizen_external_ref` (
	`citizen_id` text NOT NULL,
	`municipality_id` text NOT NULL,
	`system` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`citizen_id`, `system`),
	FOREIGN KEY (`citizen_id`) REFERENCES `citizen`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `citizen_external_ref_uq` ON `citizen_external_ref` (`municipality_id`,`system`,`value`);--> statement-breakpoint
CREATE TABLE `citizen_target_group` (
	`citizen_id` text NOT NULL,
	`target_group_id` text NOT NULL,
	PRIMARY KEY(`citizen_id`, `target_group_id`),
	FOREIGN KEY (`citizen_id`) REFERENCES `citizen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_group_id`) REFERENCES `target_group`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `citizen_target_group_group_idx` ON `citizen_target_group` (`target_group_id`);--> statement-breakpoint
CREATE TABLE `family` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `family_municipality_idx` ON `family` (`municipality_id`);--> statement-breakpoint
CREATE TABLE `family_member` (
	`family_id` text NOT NULL,
	`citizen_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`family_id`, `citizen_id`),
	FOREIGN KEY (`family_id`) REFERENCES `family`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizen`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `family_member_citizen_idx` ON `family_member` (`citizen_id`);--> statement-breakpoint
CREATE TABLE `dialogue_meeting` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`held_at` integer NOT NULL,
	`status` text DEFAULT 'OPEN' NOT NULL,
	`agreements` text DEFAULT '' NOT NULL,
	`next_meeting_on` text,
	`accepted_by_parent_at` integer,
	`parent_comment` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plan`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dialogue_meeting_plan_idx` ON `dialogue_meeting` (`plan_id`,`held_at`);--> statement-breakpoint
CREATE TABLE `goal_rating` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`goal_id` text NOT NULL,
	`rater_role` text NOT NULL,
	`rater_id` text,
	`value` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	`meeting_id` text,
	`idempotency_key` text NOT NULL,
	FOREIGN KEY (`goal_id`) REFERENCES `goal`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `dialogue_meeting`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `goal_rating_idempotency_uq` ON `goal_rating` (`municipality_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `goal_rating_goal_idx` ON `goal_rating` (`goal_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `meeting_participant` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`role` text NOT NULL,
	`display_name` text NOT NULL,
	`citizen_id` text,
	`professional_id` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `dialogue_meeting`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`professional_id`) REFERENCES `professional`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_participant_meeting_idx` ON `meeting_participant` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `instrument_definition` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text,
	`key` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`loaded_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `instrument_definition_uq` ON `instrument_definition` (`municipality_id`,`key`,`version`);--> statement-breakpoint
CREATE TABLE `measurement` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`citizen_id` text NOT NULL,
	`department_id` text NOT NULL,
	`intervention_id` text,
	`professional_id` text,
	`instrument_key` text NOT NULL,
	`instrument_version` integer NOT NULL,
	`respondent_role` text NOT NULL,
	`session` integer,
	`occurred_at` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	`total` integer NOT NULL,
	`item_values` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`supersedes_id` text,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`intervention_id`) REFERENCES `intervention`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`professional_id`) REFERENCES `professional`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `measurement_idempotency_uq` ON `measurement` (`municipality_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `measurement_series_idx` ON `measurement` (`municipality_id`,`citizen_id`,`instrument_key`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `measurement_department_idx` ON `measurement` (`municipality_id`,`department_id`,`instrument_key`);--> statement-breakpoint
CREATE TABLE `department` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `department_municipality_idx` ON `department` (`municipality_id`,`kind`);--> statement-breakpoint
CREATE TABLE `municipality` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `municipality_code_unique` ON `municipality` (`code`);--> statement-breakpoint
CREATE TABLE `professional` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`department_id` text NOT NULL,
	`display_name` text NOT NULL,
	`title` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `professional_department_idx` ON `professional` (`municipality_id`,`department_id`);--> statement-breakpoint
CREATE TABLE `target_group` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `target_group_key_uq` ON `target_group` (`municipality_id`,`key`);--> statement-breakpoint
CREATE TABLE `goal` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`subject_citizen_id` text,
	`text` text NOT NULL,
	`instrument_key` text NOT NULL,
	`baseline` integer NOT NULL,
	`target` integer NOT NULL,
	`weight` real DEFAULT 1 NOT NULL,
	`status` text DEFAULT 'ACTIVE' NOT NULL,
	`dominant` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plan`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_citizen_id`) REFERENCES `citizen`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `goal_plan_idx` ON `goal` (`plan_id`);--> statement-breakpoint
CREATE TABLE `goal_department` (
	`goal_id` text NOT NULL,
	`department_id` text NOT NULL,
	PRIMARY KEY(`goal_id`, `department_id`),
	FOREIGN KEY (`goal_id`) REFERENCES `goal`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `intervention` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`department_id` text NOT NULL,
	`type` text NOT NULL,
	`legal_basis` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`responsible_professional_id` text,
	`yearly_cost` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `plan`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_professional_id`) REFERENCES `professional`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `intervention_plan_idx` ON `intervention` (`plan_id`);--> statement-breakpoint
CREATE INDEX `intervention_type_idx` ON `intervention` (`municipality_id`,`type`);--> statement-breakpoint
CREATE TABLE `intervention_goal` (
	`intervention_id` text NOT NULL,
	`goal_id` text NOT NULL,
	PRIMARY KEY(`intervention_id`, `goal_id`),
	FOREIGN KEY (`intervention_id`) REFERENCES `intervention`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`goal_id`) REFERENCES `goal`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `intervention_goal_goal_idx` ON `intervention_goal` (`goal_id`);--> statement-breakpoint
CREATE TABLE `plan` (
	`id` text PRIMARY KEY NOT NULL,
	`municipality_id` text NOT NULL,
	`citizen_id` text,
	`family_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`citizen_id`) REFERENCES `citizen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`family_id`) REFERENCES `family`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_citizen_idx` ON `plan` (`municipality_id`,`citizen_id`);--> statement-breakpoint
CREATE INDEX `plan_family_idx` ON `plan` (`municipality_id`,`family_id`);