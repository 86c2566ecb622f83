-- A department's case with a citizen (citizen_department) follows from what the department
-- does: recording a measurement, owning a goal or running an intervention in the citizen's own
-- or family's plan. Triggers keep that true for every write path (API, seeds, imports); the
-- backfill below gives existing databases the relationships their data already implies.
CREATE TRIGGER `citizen_department_on_measurement` AFTER INSERT ON `measurement`
BEGIN
  INSERT OR IGNORE INTO `citizen_department` (`citizen_id`, `department_id`, `municipality_id`, `reason`, `since`)
  VALUES (NEW.`citizen_id`, NEW.`department_id`, NEW.`municipality_id`, 'MEASUREMENT', NEW.`recorded_at`);
END;
--> statement-breakpoint
CREATE TRIGGER `citizen_department_on_goal_department` AFTER INSERT ON `goal_department`
BEGIN
  INSERT OR IGNORE INTO `citizen_department` (`citizen_id`, `department_id`, `municipality_id`, `reason`, `since`)
  SELECT m.`citizen_id`, NEW.`department_id`, g.`municipality_id`, 'GOAL', g.`created_at`
  FROM `goal` g
  JOIN (
    SELECT p.`id` AS `plan_id`, p.`citizen_id` FROM `plan` p WHERE p.`citizen_id` IS NOT NULL
    UNION
    SELECT p.`id`, fm.`citizen_id` FROM `plan` p JOIN `family_member` fm ON fm.`family_id` = p.`family_id`
  ) m ON m.`plan_id` = g.`plan_id`
  WHERE g.`id` = NEW.`goal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `citizen_department_on_intervention` AFTER INSERT ON `intervention`
BEGIN
  INSERT OR IGNORE INTO `citizen_department` (`citizen_id`, `department_id`, `municipality_id`, `reason`, `since`)
  SELECT m.`citizen_id`, NEW.`department_id`, NEW.`municipality_id`, 'INTERVENTION', CAST(unixepoch('subsec') * 1000 AS INTEGER)
  FROM (
    SELECT p.`citizen_id` FROM `plan` p WHERE p.`id` = NEW.`plan_id` AND p.`citizen_id` IS NOT NULL
    UNION
    SELECT fm.`citizen_id` FROM `plan` p JOIN `family_member` fm ON fm.`family_id` = p.`family_id` WHERE p.`id` = NEW.`plan_id`
  ) m;
END;
--> statement-breakpoint
-- A member joining a family joins the cases of the departments already working with its plans.
CREATE TRIGGER `citizen_department_on_family_member` AFTER INSERT ON `family_member`
BEGIN
  INSERT OR IGNORE INTO `citizen_department` (`citizen_id`, `department_id`, `municipality_id`, `reason`, `since`)
  SELECT NEW.`citizen_id`, gd.`department_id`, g.`municipality_id`, 'GOAL', g.`created_at`
  FROM `plan` p JOIN `goal` g ON g.`plan_id` = p.`id` JOIN `goal_department` gd ON gd.`goal_id` = g.`id`
  WHERE p.`family_id` = NEW.`family_id`
  UNION ALL
  SELECT NEW.`citizen_id`, i.`department_id`, i.`municipality_id`, 'INTERVENTION', CAST(unixepoch('subsec') * 1000 AS INTEGER)
  FROM `plan` p JOIN `intervention` i ON i.`plan_id` = p.`id`
  WHERE p.`family_id` = NEW.`family_id`;
END;
--> statement-breakpoint
INSERT OR IGNORE INTO `citizen_department` (`citizen_id`, `department_id`, `municipality_id`, `reason`, `since`)
SELECT a.`citizen_id`, a.`department_id`, a.`municipality_id`, 'REGISTERED', MIN(a.`at`)
FROM `audit_event` a
JOIN `department` d ON d.`id` = a.`department_id` AND d.`municipality_id` = a.`municipality_id`
JOIN `citizen` c ON c.`id` = a.`citizen_id` AND c.`municipality_id` = a.`municipality_id`
WHERE a.`action` = 'createCitizen' AND a.`outcome` = 'ALLOWED'
GROUP BY a.`citizen_id`, a.`department_id`;
--> statement-breakpoint
INSERT OR IGNORE INTO `citizen_department` (`citizen_id`, `department_id`, `municipality_id`, `reason`, `since`)
SELECT `citizen_id`, `department_id`, `municipality_id`, 'MEASUREMENT', MIN(`recorded_at`)
FROM `measurement` GROUP BY `citizen_id`, `department_id`;
--> statement-breakpoint
INSERT OR IGNORE INTO `citizen_department` (`citizen_id`, `department_id`, `municipality_id`, `reason`, `since`)
SELECT m.`citizen_id`, gd.`department_id`, g.`municipality_id`, 'GOAL', MIN(g.`created_at`)
FROM `goal_department` gd
JOIN `goal` g ON g.`id` = gd.`goal_id`
JOIN (
  SELECT p.`id` AS `plan_id`, p.`citizen_id` FROM `plan` p WHERE p.`citizen_id` IS NOT NULL
  UNION
  SELECT p.`id`, fm.`citizen_id` FROM `plan` p JOIN `family_member` fm ON fm.`family_id` = p.`family_id`
) m ON m.`plan_id` = g.`plan_id`
GROUP BY m.`citizen_id`, gd.`department_id`;
--> statement-breakpoint
INSERT OR IGNORE INTO `citizen_department` (`citizen_id`, `department_id`, `municipality_id`, `reason`, `since`)
SELECT m.`citizen_id`, i.`department_id`, i.`municipality_id`, 'INTERVENTION', CAST(unixepoch('subsec') * 1000 AS INTEGER)
FROM `intervention` i
JOIN (
  SELECT p.`id` AS `plan_id`, p.`citizen_id` FROM `plan` p WHERE p.`citizen_id` IS NOT NULL
  UNION
  SELECT p.`id`, fm.`citizen_id` FROM `plan` p JOIN `family_member` fm ON fm.`family_id` = p.`family_id`
) m ON m.`plan_id` = i.`plan_id`;
