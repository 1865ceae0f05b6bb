CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"format" text NOT NULL,
	"publication" boolean DEFAULT false NOT NULL,
	"project_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"title" text NOT NULL,
	"snapshot_id" text,
	"extraction_date" text,
	"computation_id" integer,
	"approved_by" text NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"file_name" text NOT NULL,
	"file_path" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"frozen_count" integer DEFAULT 0 NOT NULL,
	"already_frozen_count" integer DEFAULT 0 NOT NULL
);
