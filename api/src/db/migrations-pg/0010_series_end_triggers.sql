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
-- Derives one series again. Two transactions writing to one series (several API instances) take
-- turns on an advisory lock; each statement below then sees the other's committed rows (READ
-- COMMITTED), so the last to commit derives the series from both.
CREATE FUNCTION measurement_series_end_derive(
  m_municipality_id text, m_citizen_id text, m_department_id text, m_instrument_key text, m_respondent_role text
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(
    concat_ws('|', 'measurement_series_end', m_municipality_id, m_citizen_id, m_department_id,
      m_instrument_key, m_respondent_role), 0));
  DELETE FROM measurement_series_end
  WHERE municipality_id = m_municipality_id AND citizen_id = m_citizen_id
    AND department_id = m_department_id AND instrument_key = m_instrument_key
    AND respondent_role = m_respondent_role;
  INSERT INTO measurement_series_end
  SELECT * FROM measurement_series_place
  WHERE municipality_id = m_municipality_id AND citizen_id = m_citizen_id
    AND department_id = m_department_id AND instrument_key = m_instrument_key
    AND respondent_role = m_respondent_role
    AND (place = 1 OR place >= points - 1);
END $$;
--> statement-breakpoint
-- The usual write, a new measurement after the series' latest point, moves the ends along: it
-- becomes the latest, the latest becomes the previous, the old previous drops out. Any other
-- change derives the series again whole: a point entered before the latest, a correction (always
-- in the same series as the point it supersedes: assertCorrectable), a merge of two citizen
-- records moving rows between series (the series a row leaves too), a deletion.
CREATE FUNCTION measurement_series_end_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  latest_points integer;
BEGIN
  IF TG_OP = 'INSERT' AND NEW.supersedes_id IS NULL THEN
    PERFORM pg_advisory_xact_lock(hashtextextended(
      concat_ws('|', 'measurement_series_end', NEW.municipality_id, NEW.citizen_id, NEW.department_id,
        NEW.instrument_key, NEW.respondent_role), 0));
    IF NOT EXISTS (
      SELECT 1 FROM measurement_series_end e
      WHERE e.municipality_id = NEW.municipality_id AND e.citizen_id = NEW.citizen_id
        AND e.department_id = NEW.department_id AND e.instrument_key = NEW.instrument_key
        AND e.respondent_role = NEW.respondent_role AND e.place = e.points
        AND (e.occurred_at > NEW.occurred_at OR (e.occurred_at = NEW.occurred_at AND e.measurement_id > NEW.id))
    ) THEN
      DELETE FROM measurement_series_end
      WHERE municipality_id = NEW.municipality_id AND citizen_id = NEW.citizen_id
        AND department_id = NEW.department_id AND instrument_key = NEW.instrument_key
        AND respondent_role = NEW.respondent_role AND place > 1 AND place = points - 1;
      UPDATE measurement_series_end SET points = points + 1
      WHERE municipality_id = NEW.municipality_id AND citizen_id = NEW.citizen_id
        AND department_id = NEW.department_id AND instrument_key = NEW.instrument_key
        AND respondent_role = NEW.respondent_role;
      SELECT coalesce(max(points), 1) INTO latest_points FROM measurement_series_end
      WHERE municipality_id = NEW.municipality_id AND citizen_id = NEW.citizen_id
        AND department_id = NEW.department_id AND instrument_key = NEW.instrument_key
        AND respondent_role = NEW.respondent_role;
      INSERT INTO measurement_series_end VALUES (NEW.municipality_id, NEW.citizen_id,
        NEW.department_id, NEW.instrument_key, NEW.respondent_role, latest_points, latest_points,
        NEW.id, NEW.occurred_at, NEW.total, NEW.item_values, NEW.session);
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM measurement_series_end_derive(OLD.municipality_id, OLD.citizen_id, OLD.department_id,
      OLD.instrument_key, OLD.respondent_role);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM measurement_series_end_derive(NEW.municipality_id, NEW.citizen_id, NEW.department_id,
      NEW.instrument_key, NEW.respondent_role);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER measurement_series_end_on_change AFTER INSERT OR UPDATE OR DELETE ON measurement
FOR EACH ROW EXECUTE FUNCTION measurement_series_end_on_change();
--> statement-breakpoint
INSERT INTO measurement_series_end
SELECT * FROM measurement_series_place WHERE place = 1 OR place >= points - 1;
