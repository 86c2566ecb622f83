CREATE TABLE "measurement_series_end" (
	"municipality_id" text NOT NULL,
	"citizen_id" text NOT NULL,
	"department_id" text NOT NULL,
	"instrument_key" text NOT NULL,
	"respondent_role" text NOT NULL,
	"place" integer NOT NULL,
	"points" integer NOT NULL,
	"measurement_id" text NOT NULL,
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"total" integer NOT NULL,
	"item_values" jsonb NOT NULL,
	"session" integer,
	CONSTRAINT "measurement_series_end_municipality_id_citizen_id_department_id_instrument_key_respondent_role_place_pk" PRIMARY KEY("municipality_id","citizen_id","department_id","instrument_key","respondent_role","place")
);
