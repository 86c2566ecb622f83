-- Hand-written twin of the SQLite migrations 0003 (case relationships) and 0004 (append-only
-- audit): the same rules, enforced by the database for every write path (DESIGN.md §5).
-- A department's case with a citizen (citizen_department) follows from what the department does:
-- recording a measurement, owning a goal or running an intervention in the citizen's own or
-- family's plan.
CREATE FUNCTION citizen_department_on_measurement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO citizen_department (citizen_id, department_id, municipality_id, reason, since)
  VALUES (NEW.citizen_id, NEW.department_id, NEW.municipality_id, 'MEASUREMENT', NEW.recorded_at)
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER citizen_department_on_measurement AFTER INSERT ON measurement
FOR EACH ROW EXECUTE FUNCTION citizen_department_on_measurement();
--> statement-breakpoint
CREATE FUNCTION citizen_department_on_goal_department() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO citizen_department (citizen_id, department_id, municipality_id, reason, since)
  SELECT m.citizen_id, NEW.department_id, g.municipality_id, 'GOAL', g.created_at
  FROM goal g
  JOIN (
    SELECT p.id AS plan_id, p.citizen_id FROM plan p WHERE p.citizen_id IS NOT NULL
    UNION
    SELECT p.id, fm.citizen_id FROM plan p JOIN family_member fm ON fm.family_id = p.family_id
  ) m ON m.plan_id = g.plan_id
  WHERE g.id = NEW.goal_id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER citizen_department_on_goal_department AFTER INSERT ON goal_department
FOR EACH ROW EXECUTE FUNCTION citizen_department_on_goal_department();
--> statement-breakpoint
CREATE FUNCTION citizen_department_on_intervention() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO citizen_department (citizen_id, department_id, municipality_id, reason, since)
  SELECT m.citizen_id, NEW.department_id, NEW.municipality_id, 'INTERVENTION', now()
  FROM (
    SELECT p.citizen_id FROM plan p WHERE p.id = NEW.plan_id AND p.citizen_id IS NOT NULL
    UNION
    SELECT fm.citizen_id FROM plan p JOIN family_member fm ON fm.family_id = p.family_id WHERE p.id = NEW.plan_id
  ) m
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER citizen_department_on_intervention AFTER INSERT ON intervention
FOR EACH ROW EXECUTE FUNCTION citizen_department_on_intervention();
--> statement-breakpoint
-- A member joining a family joins the cases of the departments already working with its plans.
CREATE FUNCTION citizen_department_on_family_member() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO citizen_department (citizen_id, department_id, municipality_id, reason, since)
  SELECT NEW.citizen_id, gd.department_id, g.municipality_id, 'GOAL', g.created_at
  FROM plan p JOIN goal g ON g.plan_id = p.id JOIN goal_department gd ON gd.goal_id = g.id
  WHERE p.family_id = NEW.family_id
  UNION ALL
  SELECT NEW.citizen_id, i.department_id, i.municipality_id, 'INTERVENTION', now()
  FROM plan p JOIN intervention i ON i.plan_id = p.id
  WHERE p.family_id = NEW.family_id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER citizen_department_on_family_member AFTER INSERT ON family_member
FOR EACH ROW EXECUTE FUNCTION citizen_department_on_family_member();
--> statement-breakpoint
-- The audit trail is append-only: whatever the code above does, an UPDATE or DELETE of an audit
-- event (or emptying the table) fails and rolls back its statement.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
