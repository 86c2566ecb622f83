-- goal.last_rated_at is when the goal was last rated (docs/caseload.md): derived from goal_rating by
-- this trigger on every write path, and for the ratings already stored by the backfill below.
-- Two ratings of one goal (several API instances) take turns on the goal's row lock, taken in a
-- statement of its own so that the UPDATE after it sees the other's committed rating (READ
-- COMMITTED). NO KEY UPDATE: it does not wait for the key-share locks the ratings' foreign keys hold.
CREATE FUNCTION goal_last_rated_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM 1 FROM goal WHERE id = OLD.goal_id FOR NO KEY UPDATE;
    UPDATE goal SET last_rated_at =
      (SELECT max(r.occurred_at) FROM goal_rating r WHERE r.goal_id = OLD.goal_id)
    WHERE id = OLD.goal_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM 1 FROM goal WHERE id = NEW.goal_id FOR NO KEY UPDATE;
    UPDATE goal SET last_rated_at =
      (SELECT max(r.occurred_at) FROM goal_rating r WHERE r.goal_id = NEW.goal_id)
    WHERE id = NEW.goal_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER goal_last_rated_on_change AFTER INSERT OR UPDATE OR DELETE ON goal_rating
FOR EACH ROW EXECUTE FUNCTION goal_last_rated_on_change();
--> statement-breakpoint
UPDATE goal g SET last_rated_at = r.last FROM
  (SELECT goal_id, max(occurred_at) AS last FROM goal_rating GROUP BY goal_id) r
WHERE r.goal_id = g.id;
