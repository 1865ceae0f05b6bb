CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"person_level" boolean DEFAULT false NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "business_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"name" text NOT NULL,
	"model" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maaltal_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"budget_period" text NOT NULL,
	"group_name" text NOT NULL,
	"group_order" integer DEFAULT 0 NOT NULL,
	"line_order" integer DEFAULT 0 NOT NULL,
	"label" text NOT NULL,
	"fte" double precision NOT NULL,
	"kind" text NOT NULL,
	"project_id" integer,
	"benefits" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prices" (
	"id" serial PRIMARY KEY NOT NULL,
	"benefit" text NOT NULL,
	"budget_year" integer NOT NULL,
	"gross_per_fte_year" double precision NOT NULL,
	"refusion_pct" double precision NOT NULL,
	"source_note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "computations" (
	"id" serial PRIMARY KEY NOT NULL,
	"snapshot_id" text,
	"status" text NOT NULL,
	"error" text,
	"from_period" text,
	"to_period" text,
	"indicator_count" integer DEFAULT 0 NOT NULL,
	"value_count" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "computed_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"period" text NOT NULL,
	"value" double precision,
	"numerator" double precision,
	"denominator" double precision,
	"snapshot_id" text,
	"computation_id" integer,
	"definition_version" integer NOT NULL,
	"definition_hash" text NOT NULL,
	"compiled_sql" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frozen_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"period" text NOT NULL,
	"value" double precision,
	"numerator" double precision,
	"denominator" double precision,
	"snapshot_id" text,
	"report_label" text,
	"frozen_by" text NOT NULL,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_group_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"groups" jsonb NOT NULL,
	CONSTRAINT "outcome_group_sets_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"group_label" text,
	"unit" text NOT NULL,
	"better" text DEFAULT 'higher' NOT NULL,
	"kind" text DEFAULT 'manual' NOT NULL,
	"definition" jsonb,
	"definition_version" integer DEFAULT 1 NOT NULL,
	"baseline_value" double precision,
	"baseline_date" date,
	"baseline_source" text,
	"baseline_note" text,
	"baseline_count" double precision,
	"goal_kind" text DEFAULT 'absolute' NOT NULL,
	"goal_value" double precision,
	"goal_date" date,
	"goal_text" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "manual_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"period" text NOT NULL,
	"value" double precision,
	"note" text,
	"entered_by" text NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"date" date NOT NULL,
	"value" double precision,
	"label" text
);
--> statement-breakpoint
CREATE TABLE "month_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"period" text NOT NULL,
	"comment" text NOT NULL,
	"author" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"committee" text DEFAULT 'Udvalget for Beskæftigelse' NOT NULL,
	"period_start" date,
	"period_end" date,
	"background" text DEFAULT '' NOT NULL,
	"target_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"activities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"short_term_goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"long_term_goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"investment" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"related_projects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data_sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"footnotes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "import_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"snapshot_id" text,
	"outcome" text NOT NULL,
	"summary" jsonb NOT NULL,
	"rejects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"imported_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"id" text PRIMARY KEY NOT NULL,
	"extraction_date" date NOT NULL,
	"source" text NOT NULL,
	"content_hash" text NOT NULL,
	"folder" text NOT NULL,
	"counts" jsonb NOT NULL,
	"date_range" jsonb NOT NULL,
	"person_count" integer NOT NULL,
	"rejected_rows" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'complete' NOT NULL,
	"imported_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"pruned_at" timestamp with time zone,
	CONSTRAINT "snapshots_content_hash_unique" UNIQUE("content_hash")
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "business_cases" ADD CONSTRAINT "business_cases_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maaltal_lines" ADD CONSTRAINT "maaltal_lines_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "computations" ADD CONSTRAINT "computations_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "computed_values" ADD CONSTRAINT "computed_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "computed_values" ADD CONSTRAINT "computed_values_computation_id_computations_id_fk" FOREIGN KEY ("computation_id") REFERENCES "public"."computations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frozen_values" ADD CONSTRAINT "frozen_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_values" ADD CONSTRAINT "manual_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "month_comments" ADD CONSTRAINT "month_comments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_reports" ADD CONSTRAINT "import_reports_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "prices_benefit_year" ON "prices" USING btree ("benefit","budget_year");--> statement-breakpoint
CREATE UNIQUE INDEX "computed_values_indicator_period" ON "computed_values" USING btree ("indicator_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "frozen_values_indicator_period" ON "frozen_values" USING btree ("indicator_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_unique" ON "indicators" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "manual_values_indicator_period" ON "manual_values" USING btree ("indicator_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "month_comments_project_period" ON "month_comments" USING btree ("project_id","period");