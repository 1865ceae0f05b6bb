export * from "./business-case.ts";
export * from "./maaltal.ts";
export * from "./potential.ts";
export * from "./prices.ts";
export * from "./realized.ts";
export * from "./staircase.ts";
