CREATE TABLE `measurement_series_end` (
	`municipality_id` text NOT NULL,
	`citizen_id` text NOT NULL,
	`department_id` text NOT NULL,
	`instrument_key` text NOT NULL,
	`respondent_role` text NOT NULL,
	`place` integer NOT NULL,
	`points` integer NOT NULL,
	`measurement_id` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`total` integer NOT NULL,
	`item_values` text NOT NULL,
	`session` integer,
	PRIMARY KEY(`municipality_id`, `citizen_id`, `department_id`, `instrument_key`, `respondent_role`, `place`)
);
