CREATE TABLE "jobindsats_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"table_id" text NOT NULL,
	"table_name" text DEFAULT '' NOT NULL,
	"measure" text NOT NULL,
	"measure_label" text NOT NULL,
	"area" text NOT NULL,
	"period" text NOT NULL,
	"dimensions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dimension_key" text DEFAULT '' NOT NULL,
	"value" double precision,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "jobindsats_values_cell" ON "jobindsats_values" USING btree ("table_id","measure","area","period","dimension_key");--> statement-breakpoint
CREATE INDEX "jobindsats_values_table_measure" ON "jobindsats_values" USING btree ("table_id","measure");