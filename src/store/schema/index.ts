export * from "./access.ts";
export * from "./economics.ts";
export * from "./effects.ts";
export * from "./engine.ts";
export * from "./jobindsats.ts";
export * from "./projects.ts";
export * from "./reports.ts";
export * from "./warehouse.ts";
