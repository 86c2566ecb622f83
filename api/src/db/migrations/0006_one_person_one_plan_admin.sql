ALTER TABLE `citizen` ADD `cpr_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `citizen_cpr_hash_uq` ON `citizen` (`municipality_id`,`cpr_hash`);--> statement-breakpoint
ALTER TABLE `family_member` ADD `custody` text;--> statement-breakpoint
ALTER TABLE `department` ADD `retired_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `department_name_uq` ON `department` (`municipality_id`,`name`);--> statement-breakpoint
ALTER TABLE `professional` ADD `subject` text;--> statement-breakpoint
CREATE UNIQUE INDEX `professional_subject_uq` ON `professional` (`municipality_id`,`subject`);--> statement-breakpoint
ALTER TABLE `target_group` ADD `description` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `plan` ADD `coordinator_professional_id` text REFERENCES professional(id);--> statement-breakpoint
ALTER TABLE `plan` ADD `closed_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `plan_one_active_per_citizen_uq` ON `plan` (`citizen_id`) WHERE "plan"."closed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX `plan_one_active_per_family_uq` ON `plan` (`family_id`) WHERE "plan"."closed_at" is null;