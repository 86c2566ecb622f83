CREATE TABLE `citizen_department` (
	`citizen_id` text NOT NULL,
	`department_id` text NOT NULL,
	`municipality_id` text NOT NULL,
	`reason` text NOT NULL,
	`since` integer NOT NULL,
	PRIMARY KEY(`citizen_id`, `department_id`),
	FOREIGN KEY (`citizen_id`) REFERENCES `citizen`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `department`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `citizen_department_department_idx` ON `citizen_department` (`municipality_id`,`department_id`);