-- goal.last_rated_at is when the goal was last rated (docs/caseload.md): derived from goal_rating by
-- these triggers on every write path, and for the ratings already stored by the backfill below.
CREATE TRIGGER `goal_last_rated_on_insert` AFTER INSERT ON `goal_rating`
BEGIN
  UPDATE `goal` SET `last_rated_at` =
    (SELECT max(r.`occurred_at`) FROM `goal_rating` r WHERE r.`goal_id` = NEW.`goal_id`)
  WHERE `id` = NEW.`goal_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `goal_last_rated_on_update` AFTER UPDATE OF `goal_id`, `occurred_at` ON `goal_rating`
BEGIN
  UPDATE `goal` SET `last_rated_at` =
    (SELECT max(r.`occurred_at`) FROM `goal_rating` r WHERE r.`goal_id` = `goal`.`id`)
  WHERE `id` IN (OLD.`goal_id`, NEW.`goal_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `goal_last_rated_on_delete` AFTER DELETE ON `goal_rating`
BEGIN
  UPDATE `goal` SET `last_rated_at` =
    (SELECT max(r.`occurred_at`) FROM `goal_rating` r WHERE r.`goal_id` = OLD.`goal_id`)
  WHERE `id` = OLD.`goal_id`;
END;
--> statement-breakpoint
UPDATE `goal` SET `last_rated_at` =
  (SELECT max(r.`occurred_at`) FROM `goal_rating` r WHERE r.`goal_id` = `goal`.`id`);
