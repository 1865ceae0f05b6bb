/**
 * The on-disk contract of a snapshot: one folder of Parquet files plus `manifest.json`.
 * The import writes it; the engine reads it. Person identity is the pseudonymous `person_key`
 * (HMAC-SHA-256 hex of the normalized CPR); no raw CPR is ever written.
 *
 * All dates are DuckDB DATE; an empty end date is NULL (ongoing).
 */
export const snapshotTables = {
  /** one row per person */
  persons: {
    file: "persons.parquet",
    columns: { person_key: "VARCHAR", birth_date: "DATE", sex: "VARCHAR" /* 'M' | 'K' */ },
  },
  /** ydelsesforloeb: one row per benefit record */
  benefit_records: {
    file: "benefit_records.parquet",
    columns: {
      person_key: "VARCHAR",
      benefit: "VARCHAR", // canonical benefit code, e.g. kontanthjaelp
      category: "VARCHAR", // canonical category code or NULL
      start_date: "DATE",
      end_date: "DATE", // NULL = ongoing
      exit_reason: "VARCHAR", // canonical exit-reason code or NULL
    },
  },
  /** tilbud: one row per activity */
  activities: {
    file: "activities.parquet",
    columns: {
      person_key: "VARCHAR",
      kind: "VARCHAR", // canonical activity code, e.g. virksomhedspraktik
      start_date: "DATE",
      end_date: "DATE",
      cvr: "VARCHAR",
    },
  },
  /** loentimer: ordinary paid hours per person and month */
  wage_hours: {
    file: "wage_hours.parquet",
    columns: { person_key: "VARCHAR", month: "DATE" /* first day of the month */, hours: "DOUBLE" },
  },
  /** markeringer: project markers */
  markers: {
    file: "markers.parquet",
    columns: {
      person_key: "VARCHAR",
      project: "VARCHAR", // project code, e.g. flere-i-job
      start_date: "DATE",
      end_date: "DATE",
      result: "VARCHAR", // canonical exit-reason code or NULL
    },
  },
  /** yr-ydelsesrefusion-beregning: actual payments per person-week (may be empty) */
  refusion_weeks: {
    file: "refusion_weeks.parquet",
    columns: {
      person_key: "VARCHAR",
      week: "DATE",
      benefit: "VARCHAR", // canonical benefit code
      municipality: "VARCHAR",
      gross: "DOUBLE",
      refusion_rate: "DOUBLE", // percent, e.g. 40
      refusion_amount: "DOUBLE",
      cofinancing_rate: "DOUBLE",
      cofinancing_amount: "DOUBLE",
    },
  },
} as const;

export type SnapshotTableName = keyof typeof snapshotTables;

/**
 * Helper tables computed once when the snapshot is written (import), from its tables, and stored
 * beside them so that a computation reads them instead of rebuilding them on every run. A snapshot
 * written before they existed lacks the files; the engine then computes them itself.
 */
export const snapshotHelperTables = {
  /**
   * the forløb (DESIGN 6.1) of every benefit record: the benefit_records columns plus the course's
   * start, end (NULL = open) and whether the record defines the course's exit (engine
   * compile/forloeb.ts, forloebRunSelectFrom), and `pair_end`: the latest end of any record of the
   * same person and benefit (open = 9999-12-31), so that a computation picks the pairs it needs
   * with a filter instead of a join (snapshots written before it lack the column)
   */
  forloeb: { file: "forloeb.parquet" },
} as const;

/** manifest.json written into every snapshot folder */
export interface SnapshotManifest {
  id: string;
  extractionDate: string; // YYYY-MM-DD
  source: string;
  createdAt: string; // ISO timestamp
  contentHash: string;
  counts: Record<SnapshotTableName, number>;
}
