ALTER TABLE `goal_rating` ADD `participant_id` text REFERENCES meeting_participant(id);--> statement-breakpoint
CREATE INDEX `goal_rating_meeting_idx` ON `goal_rating` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `measurement_statistics_idx` ON `measurement` (`municipality_id`,`instrument_key`,`occurred_at`,`citizen_id`,`department_id`,`respondent_role`,`total`,`intervention_id`,`id`);--> statement-breakpoint
CREATE INDEX `measurement_supersedes_idx` ON `measurement` (`supersedes_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `goal_one_dominant_uq` ON `goal` (`plan_id`) WHERE "goal"."dominant" = 1;