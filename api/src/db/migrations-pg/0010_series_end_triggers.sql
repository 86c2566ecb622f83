-- measurement_series_end holds the first, previous and latest live point of every measurement
-- series (docs/caseload.md, "Series ends"). A trigger keeps it true for every write path; the
-- backfill below derives it for the measurements already stored.

-- Every live point with its place in its series and the series' length. A condition on the
-- series' columns is pushed into the windows, so one series costs one index range read.
CREATE VIEW measurement_series_place AS
SELECT m.municipality_id, m.citizen_id, m.department_id, m.instrument_key, m.respondent_role,
  (row_number() OVER (
    PARTITION BY m.municipality_id, m.citizen_id, m.department_id, m.instrument_key, m.respondent_role
    ORDER BY m.occurred_at, m.id
  ))::integer AS place,
  (count(*) OVER (
    PARTITION BY m.municipality_id, m.citizen_id, m.department_id, m.instrument_key, m.respondent_role
  ))::integer AS points,
  m.id AS measurement_id, m.occurred_at, m.total, m.item_values, m.session
FROM measurement m
WHERE NOT EXISTS (SELECT 1 FROM measurement c WHERE c.supersedes_id = m.id);
--> statement-breakpoint
-- What measurement_series_end holds, derived from scratch: each series' first, previous and latest.
CREATE VIEW measurement_series_end_derived AS
SELECT * FROM measurement_series_place WHERE place = 1 OR place >= points - 1;
--> statement-breakpoint
-- Brings one series' ends up to date after `changed` (a row of measurement) joined or left it.
-- Two transactions writing to one series (several API instances) take turns on an advisory lock;
-- each statement after it sees the other's committed rows (READ COMMITTED), so the second builds
-- on the first. The usual write, a new measurement after the series' latest point, moves the
-- ends along: it becomes the latest, the latest becomes the previous, the old previous drops
-- out. Any other change derives the series again whole: a point entered before the latest, a
-- correction (always in the same series as the point it supersedes: assertCorrectable), a merge
-- of two citizen records moving rows between series (and its undo), a deletion.
CREATE FUNCTION measurement_series_end_follow(changed measurement, appended boolean) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  latest_points integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(concat_ws('|', changed.municipality_id,
    changed.citizen_id, changed.department_id, changed.instrument_key, changed.respondent_role), 0));
  IF appended AND changed.supersedes_id IS NULL AND NOT EXISTS (
    SELECT 1 FROM measurement_series_end e
    WHERE (e.municipality_id, e.citizen_id, e.department_id, e.instrument_key, e.respondent_role)
        = (changed.municipality_id, changed.citizen_id, changed.department_id, changed.instrument_key, changed.respondent_role)
      AND e.place = e.points
      AND (e.occurred_at > changed.occurred_at OR (e.occurred_at = changed.occurred_at AND e.measurement_id > changed.id))
  ) THEN
    DELETE FROM measurement_series_end e
    WHERE (e.municipality_id, e.citizen_id, e.department_id, e.instrument_key, e.respondent_role)
        = (changed.municipality_id, changed.citizen_id, changed.department_id, changed.instrument_key, changed.respondent_role)
      AND e.place > 1 AND e.place = e.points - 1;
    UPDATE measurement_series_end e SET points = e.points + 1
    WHERE (e.municipality_id, e.citizen_id, e.department_id, e.instrument_key, e.respondent_role)
        = (changed.municipality_id, changed.citizen_id, changed.department_id, changed.instrument_key, changed.respondent_role);
    SELECT coalesce(max(e.points), 1) INTO latest_points FROM measurement_series_end e
    WHERE (e.municipality_id, e.citizen_id, e.department_id, e.instrument_key, e.respondent_role)
        = (changed.municipality_id, changed.citizen_id, changed.department_id, changed.instrument_key, changed.respondent_role);
    INSERT INTO measurement_series_end VALUES (changed.municipality_id, changed.citizen_id,
      changed.department_id, changed.instrument_key, changed.respondent_role, latest_points,
      latest_points, changed.id, changed.occurred_at, changed.total, changed.item_values, changed.session);
    RETURN;
  END IF;
  DELETE FROM measurement_series_end e
  WHERE (e.municipality_id, e.citizen_id, e.department_id, e.instrument_key, e.respondent_role)
      = (changed.municipality_id, changed.citizen_id, changed.department_id, changed.instrument_key, changed.respondent_role);
  INSERT INTO measurement_series_end
  SELECT * FROM measurement_series_end_derived d
  WHERE (d.municipality_id, d.citizen_id, d.department_id, d.instrument_key, d.respondent_role)
      = (changed.municipality_id, changed.citizen_id, changed.department_id, changed.instrument_key, changed.respondent_role);
END $$;
--> statement-breakpoint
CREATE FUNCTION measurement_series_end_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM measurement_series_end_follow(OLD, false); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM measurement_series_end_follow(NEW, TG_OP = 'INSERT'); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER measurement_series_end_on_change AFTER INSERT OR UPDATE OR DELETE ON measurement
FOR EACH ROW EXECUTE FUNCTION measurement_series_end_on_change();
--> statement-breakpoint
INSERT INTO measurement_series_end SELECT * FROM measurement_series_end_derived;
