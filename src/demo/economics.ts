/**
 * The demo's economics: seed 004's price catalogue (Budgetoplæg 2024), the måltal table of seed 002
 * line by line with each adjustment linked to its project, and business cases for the jobafklaring
 * project (seeds 000/001) and Flere i job (seed 004).
 *
 * Projects are laid out before this by seedProjects in the same transaction; they are looked up by
 * code, and a missing project just leaves its line unlinked / its business case out.
 */
import type { BusinessCaseModelInput } from "../domain/economics/business-case.ts";
import type { MaaltalKind } from "../domain/economics/maaltal.ts";
import type { PriceInput } from "../domain/economics/prices.ts";
import type { Db } from "../store/db.ts";
import {
  createBusinessCase,
  insertMaaltalLines,
  type NewMaaltalLine,
  projectIdsByCode,
  upsertPrice,
} from "../store/repositories/economics.ts";

export const DEMO_BUDGET_PERIOD = "2024-2025";

/** Seed 004, Tabel 1 (Kilde: Budgetoplæg 2024). */
export const DEMO_PRICES: PriceInput[] = [
  {
    benefit: "kontanthjaelp",
    budgetYear: 2024,
    grossPerFteYear: 154_031,
    refusionPct: 22.87,
    sourceNote: "Budgetoplæg 2024",
  },
  {
    benefit: "uddannelseshjaelp",
    budgetYear: 2024,
    grossPerFteYear: 86_511,
    refusionPct: 24.76,
    sourceNote: "Budgetoplæg 2024",
  },
  {
    benefit: "ressourceforloeb",
    budgetYear: 2024,
    grossPerFteYear: 164_645,
    refusionPct: 20.15,
    sourceNote: "Budgetoplæg 2024",
  },
];

interface DemoLine {
  label: string;
  fte: number;
  kind: MaaltalKind;
  project?: string;
  benefits?: string[];
}

/** Seed 002, "Måltal. Investeringsprojekter i Udvalget for Beskæftigelse – 2024-2025". */
export const DEMO_MAALTAL: { group: string; lines: DemoLine[] }[] = [
  {
    group: "Sygedagpenge",
    lines: [
      { label: "Sygedagpenge", fte: 650, kind: "budget", benefits: ["sygedagpenge"] },
      { label: "Investering – Kompetenceporten", fte: -1, kind: "project", project: "kompetenceporten" },
    ],
  },
  {
    group: "Kontanthjælp og uddannelseshjælp",
    lines: [
      { label: "Kontanthjælp", fte: 197, kind: "budget", benefits: ["kontanthjaelp"] },
      { label: "Investering - Flere i job – kontanthjælp", fte: -2, kind: "project", project: "flere-i-job" },
      {
        label: "Investering – Kompetenceporten - Kontanthjælp",
        fte: -1,
        kind: "project",
        project: "kompetenceporten",
      },
      {
        label: "Investering – Håndholdt jobfokus jobparate kontanthjælpsmodtagere",
        fte: -15,
        kind: "project",
        project: "haandholdt-jobparate-kh",
      },
      { label: "Uddannelseshjælp", fte: 238, kind: "budget", benefits: ["uddannelseshjaelp"] },
      {
        label: "Investering - Flere i job - Uddannelseshjælp",
        fte: -2,
        kind: "project",
        project: "flere-i-job",
      },
      {
        label: "Uddannelseshjælp Investering – Social Frikort",
        fte: 10,
        kind: "project",
        project: "socialt-frikort",
      },
      { label: "Budgetforlig - Uddannelseshjælp", fte: -5, kind: "agreement" },
      { label: "Løntilskud kontanthjælp og uddannelseshjælp", fte: 13, kind: "other" },
    ],
  },
  {
    group: "A-dagpenge til forsikrede ledige",
    lines: [
      { label: "A-dagpenge", fte: 393, kind: "budget", benefits: ["a-dagpenge"] },
      { label: "Investering – Kompetenceporten", fte: -3, kind: "project", project: "kompetenceporten" },
      { label: "Budgetforlig - Dagpenge", fte: -12, kind: "agreement" },
      { label: "Løntilskud", fte: 7, kind: "other" },
    ],
  },
  {
    group: "Løntilskud til personer i fleksjob og ledighedsydelse",
    lines: [
      {
        label: "Fleksjob, Løntilskud til arbejdsgiver (gl. model)",
        fte: 157,
        kind: "budget",
        benefits: ["fleksjob"],
      },
      { label: "Fleksjob, fleksløntilskud (ny model)", fte: 225, kind: "budget", benefits: ["fleksjob"] },
      {
        label: "Fleksjob, fleksløntilskud, omfattet af refusionstrappe",
        fte: 840,
        kind: "budget",
        benefits: ["fleksjob"],
      },
      { label: "Investering – Social Frikort", fte: -10, kind: "project", project: "socialt-frikort" },
    ],
  },
  {
    group: "Ressourceforløb",
    lines: [
      { label: "Ressourceforløb", fte: 75, kind: "budget", benefits: ["ressourceforloeb"] },
      { label: "Investering – Flere i job", fte: -2, kind: "project", project: "flere-i-job" },
      { label: "Budgetforlig", fte: -15, kind: "agreement" },
    ],
  },
];

/**
 * Seeds 000/001: "En investering i to ekstra medarbejdere over to år vurderes at kunne give et
 * samlet positivt afkast på ca. 1.3 mio. kr.", "25 færre helårspersoner i jobafklaringsforløb".
 * The seeds give no price or staff cost; the assumptions below are stated in the notes.
 */
export const DEMO_JOBAFKLARING_CASE: BusinessCaseModelInput = {
  startMonth: "2019-05",
  years: 2,
  priceYear: 2019,
  investment: [
    { year: 1, staff: 2, staffCostPerYear: 500_000, note: "To ekstra beskæftigelsesrådgivere" },
    { year: 2, staff: 2, staffCostPerYear: 500_000, note: "To ekstra beskæftigelsesrådgivere" },
  ],
  effects: [
    {
      kind: "fte",
      benefit: "jobafklaring",
      label: "Færre helårspersoner i jobafklaringsforløb",
      ftePerYear: [2.5, 25],
    },
  ],
  prices: [{ benefit: "jobafklaring", grossPerFteYear: 150_000, refusionPct: 20 }],
  notes: [
    "Antagelse: en medarbejder koster 500.000 kr. om året (løn, pension og arbejdspladsomkostninger, 2019-niveau); to medarbejdere i to år = 2.000.000 kr.",
    "Antagelse: bruttoudgift 150.000 kr. pr. helårsperson i jobafklaringsforløb (ydelsen på niveau med ressourceforløbsydelsen, 2019) og 20 pct. refusion, fordi borgere i jobafklaring har over 52 uger på offentlig forsørgelse (refusionstrappens laveste trin): nettoudgift 120.000 kr.",
    "Antagelse: effekten indfases i år 1 (gennemsnitligt 2,5 færre helårspersoner, da de første forløb afsluttes i andet halvår) og er fuldt indfaset i år 2 med 25 færre helårspersoner (statusnotatet om projektet).",
    "Resultat: besparelse 27,5 helårspersoner × 120.000 kr. = 3.300.000 kr.; samlet afkast 3.300.000 − 2.000.000 = 1.300.000 kr. (dagsordenspunktet 4. marts 2019: ca. 1,3 mio. kr.).",
  ],
};

/**
 * Seed 004: "En allokeret medarbejderressource", at least 2 fewer full-time persons on each of
 * kontanthjælp, uddannelseshjælp and ressourceforløb (630.728 kr. a year at the 2024 prices).
 */
export const DEMO_FLERE_I_JOB_CASE: BusinessCaseModelInput = {
  startMonth: "2024-01",
  // the first 3 months set up the organisation (the short-term goals); savings from April 2024
  effectStartMonth: "2024-04",
  years: 2,
  priceYear: 2024,
  investment: [
    {
      year: 1,
      staff: 1,
      staffCostPerYear: 550_000,
      note: "Én medarbejder til styrket virksomhedssamarbejde",
    },
    {
      year: 2,
      staff: 1,
      staffCostPerYear: 550_000,
      note: "Én medarbejder til styrket virksomhedssamarbejde",
    },
  ],
  effects: [
    {
      kind: "fte",
      benefit: "kontanthjaelp",
      label: "Færre fuldtidspersoner på kontanthjælp",
      ftePerYear: [2, 2],
    },
    {
      kind: "fte",
      benefit: "uddannelseshjaelp",
      label: "Færre fuldtidspersoner på uddannelseshjælp",
      ftePerYear: [2, 2],
    },
    {
      kind: "fte",
      benefit: "ressourceforloeb",
      label: "Færre fuldtidspersoner i ressourceforløb",
      ftePerYear: [2, 2],
    },
  ],
  prices: [],
  notes: [
    "Effekter fra potentialebeskrivelsen for Flere i job: som minimum 2 færre fuldtidspersoner på hver af kontanthjælp, uddannelseshjælp og ressourceforløb, i alt 6, i begge projektår.",
    "Priser fra priskataloget, Budgetoplæg 2024: 6 fuldtidspersoner = 630.728 kr. om året.",
    "Antagelse: medarbejderressourcen koster 550.000 kr. om året (løn, pension og arbejdspladsomkostninger, 2024-niveau).",
    "Antagelse: effekterne indtræder fra april 2024, når organiseringen er på plads (de kortsigtede mål inden for 3 måneder); første projektår sparer derfor 9 måneder.",
    "Ikke medregnet: den afledte gevinst af højere refusionsprocenter, når forløbene bliver kortere (se refusionstrappen).",
  ],
};

export const DEMO_BUSINESS_CASES: { project: string; name: string; model: BusinessCaseModelInput }[] = [
  {
    project: "jobafklaring-2019",
    name: "Jobrettet indsats i jobafklaringsforløb",
    model: DEMO_JOBAFKLARING_CASE,
  },
  { project: "flere-i-job", name: "Flere i job", model: DEMO_FLERE_I_JOB_CASE },
];

/** Flattens the måltal table into lines with group and line order, projects resolved by code. */
export function demoMaaltalLines(projectIds: ReadonlyMap<string, number>): NewMaaltalLine[] {
  return DEMO_MAALTAL.flatMap((g, groupOrder) =>
    g.lines.map((l, lineOrder) => ({
      groupName: g.group,
      groupOrder,
      lineOrder,
      label: l.label,
      fte: l.fte,
      kind: l.kind,
      projectId: l.project ? (projectIds.get(l.project) ?? null) : null,
      benefits: l.benefits ?? [],
    })),
  );
}

/** The demo's price catalogue, business cases and måltal table (seed 001/002/004). */
export async function seedEconomics(db: Db): Promise<void> {
  for (const p of DEMO_PRICES) await upsertPrice(db, p);
  const codes = [
    ...new Set([
      ...DEMO_MAALTAL.flatMap((g) => g.lines.flatMap((l) => (l.project ? [l.project] : []))),
      ...DEMO_BUSINESS_CASES.map((c) => c.project),
    ]),
  ];
  const projectIds = await projectIdsByCode(db, codes);
  await insertMaaltalLines(db, DEMO_BUDGET_PERIOD, demoMaaltalLines(projectIds));
  for (const c of DEMO_BUSINESS_CASES) {
    const projectId = projectIds.get(c.project);
    if (projectId === undefined) continue;
    await createBusinessCase(db, {
      projectId,
      name: c.name,
      model: c.model as unknown as Record<string, unknown>,
    });
  }
}
