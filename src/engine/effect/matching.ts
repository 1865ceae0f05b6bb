/**
 * Step 3, coarsened exact matching (DESIGN 9.1), set-based: strata are GROUP BY keys.
 * - level 0 stratum: (D, benefit, category, duration band, age band, sex, prior band);
 *   level 1 drops sex and prior band; level 2 also drops the age band.
 * - c_L(s) = control units in stratum s of level L (a GROUP BY over the controls); a treated
 *   unit is matched at the first level whose stratum has c_L > 0; without one it is unmatched
 *   (match_level NULL).
 * - t_L(s) = treated units matched at level L in s (a GROUP BY over the treated); every control
 *   in s gains t_L(s) ÷ c_L(s), summed over the three levels: its weight (0 for a control in no
 *   stratum with a treated unit). Weights are fixed here, before any horizon is looked at.
 *
 * (A first version counted c_L and t_L with window functions over all units; at scale 10 the six
 * window partitions of the ~100.000 units cost more than these group-bys over the controls and the
 * few treated, joined back by hash on the stratum keys. The keys are never NULL: covariates.ts
 * gives a missing sex or age a band of its own.)
 */
import { create, type EffectStatement, type EffectTables } from "./tables.ts";

const levelKeys = [
  ["d", "benefit", "category", "duration_band", "age_band", "sex", "prior_band"],
  ["d", "benefit", "category", "duration_band", "age_band"],
  ["d", "benefit", "category", "duration_band"],
] as const;

const on = (a: string, b: string, keys: readonly string[]) =>
  keys.map((k) => `${a}.${k} = ${b}.${k}`).join(" AND ");

export function matchingStatements(t: EffectTables): EffectStatement[] {
  const controlCounts = levelKeys.map(
    (keys, l) =>
      `c${l} AS (SELECT ${keys.join(", ")}, count(*) AS c FROM ${t.covariates} WHERE NOT treated GROUP BY ${keys.join(", ")})`,
  );
  const treatedCounts = levelKeys.map(
    (keys, l) =>
      `w${l} AS (SELECT x.${keys.join(", x.")}, CAST(count(*) AS DOUBLE) / any_value(c.c) AS w
  FROM treated x JOIN c${l} c ON ${on("x", "c", keys)}
  WHERE x.match_level = ${l} GROUP BY x.${keys.join(", x.")})`,
  );
  return [
    create(
      "(matchning)",
      t.matched,
      `WITH ${controlCounts.join(",\n")},
treated AS (
  SELECT u.uid, u.pid, u.person_key, u.${levelKeys[0].join(", u.")},
    CASE WHEN c0.c IS NOT NULL THEN 0 WHEN c1.c IS NOT NULL THEN 1 WHEN c2.c IS NOT NULL THEN 2 END AS match_level
  FROM ${t.covariates} u
  LEFT JOIN c0 ON ${on("u", "c0", levelKeys[0])}
  LEFT JOIN c1 ON ${on("u", "c1", levelKeys[1])}
  LEFT JOIN c2 ON ${on("u", "c2", levelKeys[2])}
  WHERE u.treated
),
${treatedCounts.join(",\n")}
SELECT uid, d, pid, person_key, true AS treated, match_level, CAST(NULL AS DOUBLE) AS weight FROM treated
UNION ALL
SELECT u.uid, u.d, u.pid, u.person_key, false AS treated, CAST(NULL AS INTEGER) AS match_level,
  COALESCE(w0.w, 0) + COALESCE(w1.w, 0) + COALESCE(w2.w, 0) AS weight
FROM ${t.covariates} u
LEFT JOIN w0 ON ${on("u", "w0", levelKeys[0])}
LEFT JOIN w1 ON ${on("u", "w1", levelKeys[1])}
LEFT JOIN w2 ON ${on("u", "w2", levelKeys[2])}
WHERE NOT u.treated`,
    ),
  ];
}
