ALTER TABLE "computations" ADD COLUMN "progress_done" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "computations" ADD COLUMN "progress_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "computations" ADD COLUMN "progress_step" text;--> statement-breakpoint
ALTER TABLE "computations" ADD COLUMN "warnings" jsonb DEFAULT '[]'::jsonb NOT NULL;