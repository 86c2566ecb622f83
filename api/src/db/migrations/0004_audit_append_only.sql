-- The audit trail is append-only at the database level (DESIGN.md §5): whatever the code above
-- does, an UPDATE or DELETE of an audit event fails and rolls back its statement.
CREATE TRIGGER `audit_event_no_update` BEFORE UPDATE ON `audit_event`
BEGIN
  SELECT RAISE(ABORT, 'audit_event is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_event_no_delete` BEFORE DELETE ON `audit_event`
BEGIN
  SELECT RAISE(ABORT, 'audit_event is append-only');
END;
