CREATE TABLE "effect_definitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_by" text DEFAULT 'system' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "effect_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"effect_definition_id" integer NOT NULL,
	"snapshot_id" text,
	"computation_id" integer,
	"definition_version" integer NOT NULL,
	"definition_hash" text NOT NULL,
	"estimates" jsonb NOT NULL,
	"details" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "break_month" text;--> statement-breakpoint
ALTER TABLE "effect_definitions" ADD CONSTRAINT "effect_definitions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_results" ADD CONSTRAINT "effect_results_effect_definition_id_effect_definitions_id_fk" FOREIGN KEY ("effect_definition_id") REFERENCES "public"."effect_definitions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effect_results" ADD CONSTRAINT "effect_results_computation_id_computations_id_fk" FOREIGN KEY ("computation_id") REFERENCES "public"."computations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "effect_definitions_code_unique" ON "effect_definitions" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "effect_results_definition_unique" ON "effect_results" USING btree ("effect_definition_id");