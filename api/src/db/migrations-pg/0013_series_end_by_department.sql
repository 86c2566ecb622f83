-- Department before citizen in measurement_series_end's key, as on SQLite (docs/caseload.md,
-- "Series ends"): a department's caseload reads one index range.
ALTER TABLE "measurement_series_end" DROP CONSTRAINT "measurement_series_end_municipality_id_citizen_id_department_id_instrument_key_respondent_role_place_pk";--> statement-breakpoint
ALTER TABLE "measurement_series_end" ADD CONSTRAINT "measurement_series_end_municipality_id_department_id_citizen_id_instrument_key_respondent_role_place_pk" PRIMARY KEY("municipality_id","department_id","citizen_id","instrument_key","respondent_role","place");
