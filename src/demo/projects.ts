/**
 * The six demo projects with their descriptions, indicators and targets, transcribed from the seeds
 * (002: the five projects of 2024–2025 and their draft status schemes; 004: "Flere i job"'s potential;
 * 000/001: the jobafklaring project of 2019). Baselines and milestones equal
 * test/golden/statusskemaer.json (checked by projects.test.ts).
 *
 * Model: the milestone columns of seed 002 are, from the left, the minimum milestones (mindste mål)
 * and, last, the final goal (slutmål) with its date. Empty cells are null; a column without any
 * value still exists (a milestone row with value null), so the grid shows seed 002's columns.
 *
 * Kind: indicators the seed counts from FACIT are "computed" (the engine fills them; until then they
 * show "Ingen data"); surveys and counts of companies are "manual". The jobafklaring project's
 * indicators are computed from the demo's case data, which reach back to 2016; seed 000's status of
 * December 2020 stands in the month's comment (and as the one manual indicator's value).
 */

import type { Unit } from "../domain/format.ts";
import type { GoalKind, IndicatorCreate, ProjectCreate } from "../domain/projects.ts";
import type { Db } from "../store/db.ts";
import {
  createIndicator,
  createProject,
  setComment,
  setManualValue,
} from "../store/repositories/projects.ts";

interface DemoIndicator {
  code: string;
  name: string;
  group?: string;
  unit: Unit;
  better?: "higher" | "lower";
  kind: "manual" | "computed";
  baseline?: number | null;
  baselineDate?: string;
  baselineSource?: string;
  baselineNote?: string;
  baselineCount?: number;
  /** values at the project's milestone dates, the last one being the final goal */
  milestones: (number | null)[];
  /** the final goal as a relative goal instead of milestones' last value */
  goal?: { kind: GoalKind; value: number };
  goalText?: string;
  /** demo values entered by hand: period → value */
  values?: Record<string, number>;
}

interface DemoProject extends ProjectCreate {
  baselineDate?: string;
  milestoneDates: string[];
  milestoneLabels?: (string | null)[];
  indicators: DemoIndicator[];
  comments?: Record<string, string>;
}

const KLAR_PARAT: DemoProject = {
  code: "klar-parat-i-job",
  name: "Klar, parat – i job",
  periodStart: "2024-01-01",
  periodEnd: "2025-12-31",
  background:
    "Fra den 1. januar 2024 overgår a-dagpengemodtageres kontaktforløb de første 3 måneder til a-kasserne. De fleste a-kasser har ikke kontorer i det lokale arbejdskraftsområde. Dermed har ledige ikke længere mulighed for den konkrete jobrettede sparring på jobsøgning, som baserer sig på et indgående kendskab til jobmuligheder i lokale virksomheder. Forventningen er, at ledighedsperioden vil øges, hvis ledige ikke længere har den lokalt orienterede støtte til deres jobsøgning.\n\nInvesteringsprojektet understøtter fokusmålene for beskæftigelsespolitikken i Hedensted, herunder kerneopgaven og de strategiske mål; særligt fokusområde 1 (fleksibel jobrettet indsats) og fokusområde 5 (kommunikation, den gode dialog og et højt serviceniveau).",
  targetGroups: ["A-dagpengemodtagere (kontaktforløb de første 3 måneder i a-kassen fra 1. januar 2024)"],
  activities: [
    "Jobsøgningstilbuddet Klar, parat – i job igangsættes ud fra erfaringer fra eksisterende Jobnu tilbud, herunder en tæt kobling til konkrete lokale virksomheder og den lokale efterspørgsel efter arbejdskraft.",
    "Jobsøgningstilbuddet formidles til ledige via Jobnet, sociale medier og hjemmesider.",
    "Der ydes jobsparring og inspiration fra virksomhedsledere til ledige hver 14. dag på aktivcentret.",
    "Der arbejdes med smidige overgange fra kontaktforløb i a-kassen til kontaktforløb i jobcenteret.",
    "Hvis ledige har særlige behov, henvises de for eksempel til en jobcoach, tilbud til digitalt udfordrede eller til individuelle håndholdte jobsøgningsforløb på Aktivcentret.",
    "Der samarbejdes tæt med andre investeringsprojekter, herunder Kompetenceporten og Flere i Job.",
  ],
  shortTermGoals: [
    "Medarbejdere i jobcentret og i a-kasserne tilkendegiver, at der er et godt samarbejde om henvisning af ledige til Klar, parat – i job forløbet.",
    "A-kasserne har i de første 3 måneder formidlet mindst 65 ledige til jobsøgningstilbuddet.",
    "Klar, parat – i job har mindst samme jobeffekt som Jobnu forløbene.",
    "De ledige evaluerer Klar, parat – i job tilbuddet positivt.",
    "Praksis for en god overgang fra a-kasse til jobcenteret vurderes positivt af 80 procent af de ledige.",
    "80 procent af de ledige tilkendegiver, at jobsparring fra virksomhedsledere hjælper dem i deres jobsøgning.",
    "Der er etableret en praksis for formidling af erfaringer og resultater fra indsatsen til a-kassen, samarbejdspartnere, lokale medier mv.",
    "Den gennemsnitlige varighed af a-dagpengeforløbene fastholdes på samme niveau som i 2022.",
  ],
  longTermGoals: [
    "Den gennemsnitlige varighed af a-dagpengeforløb fastholdes på samme lave niveau som i 2022, hvilket var 17,8 uger.",
    "At Hedensted fortsat har den laveste ledighedsprocent i RAR Østjylland området.",
    "At den budgetterede gennemsnitlige ugepris fastholdes på niveauet fra 2022.",
    "At de ledige og a-kasserne er tilfredse med tilbuddet.",
    "At det økonomiske investeringspotentiale er imødekommet.",
  ],
  investment: {
    text: "Investering i én medarbejder. Der er ikke reduceret i antal personer i måltallene, men det forudsættes, at jobcentret ved investeringen kan fastholde det lave niveau af a-dagpengemodtagere, på trods af at a-kasserne overtager kontaktforløbet de første 3 måneder.",
    staff: 1,
    years: 2,
  },
  relatedProjects: ["kompetenceporten", "flere-i-job"],
  dataSources: ["Optælles via markeringer i fagsystemet FACIT og udtræk fra FACIT."],
  footnotes: ["* 3.kvartal 2023"],
  sortOrder: 1,
  baselineDate: "2024-01-10",
  milestoneDates: ["2024-08-01", "2025-01-01", "2026-01-01"],
  indicators: [
    {
      code: "kpj-adagpenge-i-alt",
      name: "Antal a-dagpengemodtagere i alt (personer)",
      unit: "personer",
      better: "lower",
      kind: "computed",
      baseline: 644,
      milestones: [null, null, null],
    },
    {
      code: "kpj-kontaktforloeb-jobcenter",
      name: "Antal a-dagpengemodtagere med kontaktforløb i jobcentret (personer)",
      unit: "personer",
      kind: "computed",
      baseline: 435,
      milestones: [null, null, null],
    },
    {
      code: "kpj-kontaktforloeb-akasse",
      name: "Antal a-dagpengemodtagere med kontaktforløb i a-kassen",
      unit: "personer",
      kind: "computed",
      baseline: 209,
      milestones: [null, null, null],
    },
    {
      code: "kpj-henvist-akasseperiode",
      name: "Antal ledige i a-kasse perioden, som er henvist til Klar, parat i job",
      unit: "personer",
      kind: "computed",
      baseline: null,
      milestones: [null, null, null],
    },
    {
      code: "kpj-henviste-akkumuleret",
      name: "Antal henviste til Klar, parat - i job akkumuleret",
      unit: "personer",
      kind: "computed",
      baseline: null,
      milestones: [null, null, null],
      goalText: "A-kasserne har i de første 3 måneder formidlet mindst 65 ledige til jobsøgningstilbuddet",
    },
    {
      code: "kpj-afsluttet-til-job",
      name: "Andel afsluttede i klar, parat - i job, som afsluttet til job",
      unit: "procent",
      kind: "computed",
      baseline: null,
      milestones: [null, null, null],
      goalText: "mindst samme jobeffekt som Jobnu forløbene",
    },
    {
      code: "kpj-varighed-adagpenge",
      name: "Gennemsnitlig varighed af afsluttede a-dagpengeforløb seneste 3 måneder (uger)",
      unit: "uger",
      better: "lower",
      kind: "computed",
      baseline: 18.8,
      baselineSource: "3.kvartal 2023",
      milestones: [18.8, 18.8, 18.8],
    },
  ],
};

const FLERE_I_JOB: DemoProject = {
  code: "flere-i-job",
  name: "Flere i job",
  periodStart: "2024-01-01",
  periodEnd: "2025-12-31",
  background:
    "Virksomhedernes aktuelle behov for arbejdskraft, lediges behov for job samt centralpolitiske målsætninger om øget fokus på virksomhedsrettet indhold i indsatserne (jf. delaftale 2) betyder, at det er vigtigt for jobcentret at støtte alle målgrupper i at opnå tilknytning til arbejdsmarkedet. Økonomisk set har jobbet stor betydning for den enkelte. Samtidig har det også stor betydning for jobcentrets økonomi, at hverken antallet af ydelsesmodtagere eller varigheden af ydelsesforløbene øges. Det mest optimale er at mindske både antallet af ydelsesmodtagere og varigheden af forløbene. Dette kræver en god støtte til virksomhedernes bestræbelser på at ansætte og fastholde medarbejdere med helbredsmæssige, sociale og andre udfordringer.\n\nEndelig vil jobcentret komme under skærpet tilsyn fra STAR, hvis de nye politiske målsætninger om virksomhedsrettede tilbud til ledige og sygemeldte ikke nås.",
  targetGroups: [
    "Aktivitetsparate kontanthjælpsmodtagere over 30 år",
    "Borgere i ressourceforløb",
    "Indsatsen forventes også at få betydning for andre målgrupper (uddannelseshjælp, ledighedsydelse, sygedagpenge, jobafklaring mv.)",
  ],
  activities: [
    "Team-organiseret samarbejde mellem beskæftigelsesrådgivere og virksomhedskonsulenter, hvor der er fælles jobrettet fokusering i borgernes forløb og et fællesskab om at sikre job til borgere og arbejdskraft til virksomheder.",
    "Skræddersyede indslusningsforløb på virksomheder med tæt og hyppig opfølgning fra virksomhedskonsulent.",
    "Målsatte forløb med fokus på progression frem mod fast varigt job.",
    "Hotline til virksomhederne – hurtig hjælp, når noget er ved at gå skævt i et ansættelsesforløb.",
    "Mentor- og fyraftensmøder for kontaktpersoner i virksomhederne med et fagligt indhold.",
    "Månedlige tværgående møder for virksomhedskonsulenter og beskæftigelsesrådgivere.",
  ],
  shortTermGoals: [
    "Der etableres en organisering af projektet, som understøtter realiseringen af mål, herunder etablering af hotline, team-organisering, sparringskultur samt mentor- og netværksforløb for virksomheders kontaktpersoner.",
    "Projektets indsats og målsætning formidles til virksomheder, virksomhedssammenslutninger, erhvervslivets organisationer, faglige organisationer mv.",
    "Formidlingsstrategien indebærer, at der hver måned formidles mindst én god historie på hjemmesiden og de sociale medier.",
    "Virksomhederne er tilfredse med den etablerede hotline.",
  ],
  longTermGoals: [
    "Hedensted Kommune lever op til fokusmålet i delaftale 2 om virksomhedsrettet aktivering: minimum 70 procent af de relevante målgrupper har været i virksomhedsrettet forløb inden for de seneste 12 måneder.",
    "10 procentpoint flere afsluttes til beskæftigelse, fleksjob og/eller uddannelse.",
    "Den gennemsnitlige varighed for målgrupper med andre udfordringer end ledighed reduceres med 10 procent.",
    "Antallet af aktivitetsparate kontanthjælpsmodtagere og borgere i ressourceforløb reduceres hver især med 10 procent.",
    "Virksomhederne tilkendegiver, at de er tilfredse med samarbejdet med jobcentret.",
  ],
  investment: {
    text: "En allokeret medarbejderressource målrettet styrkelse af virksomhedssamarbejdet. Økonomisk potentiale: 6 færre fuldtidspersoner på ydelse (2 på kontanthjælp, 2 på uddannelseshjælp, 2 i ressourceforløb), i alt 630.728 kr. (potentialebeskrivelsen, tabel 2).",
    staff: 1,
    years: 2,
  },
  relatedProjects: ["klar-parat-i-job", "kompetenceporten", "haandholdt-jobparate-kh"],
  dataSources: [
    "Facit, Expose",
    "jobindsats.dk i perioden 3.kvt.2022 til 2.kvt.2023. Vil fremover blive optalt via andet fagsystem pr. måned.",
  ],
  footnotes: ["* jobindsats.dk i perioden 3.kvt.2022 til 2.kvt.2023"],
  sortOrder: 2,
  baselineDate: "2024-01-10",
  milestoneDates: ["2024-08-01", "2025-01-01", "2026-01-01"],
  indicators: [
    {
      code: "fij-antal-akt-kh",
      group: "Målgruppeantal",
      name: "Målgruppeantal: Aktivitetsparate kontanthjælpsmodtagere",
      unit: "personer",
      better: "lower",
      kind: "computed",
      baseline: 103,
      milestones: [100, 98, 92],
    },
    {
      code: "fij-antal-ressourceforloeb",
      group: "Målgruppeantal",
      name: "Målgruppeantal: Borgere i ressourceforløb",
      unit: "personer",
      better: "lower",
      kind: "computed",
      baseline: 74,
      milestones: [70, 66, 62],
    },
    {
      code: "fij-loentimer-akt-kh-30",
      group: "Antal/andel (pct.) med løntimer – pr. målgruppe",
      name: "Andel med løntimer: Aktivitetsparate kontanthjælpsmodtagere over 30 år",
      unit: "procent",
      kind: "computed",
      baseline: 17,
      baselineCount: 17,
      milestones: [18, 19, 20],
    },
    {
      code: "fij-loentimer-ressourceforloeb",
      group: "Antal/andel (pct.) med løntimer – pr. målgruppe",
      name: "Andel med løntimer: Ressourceforløb - alle",
      unit: "procent",
      kind: "computed",
      baseline: 5,
      baselineCount: 4,
      milestones: [5, 6, 7],
    },
    {
      code: "fij-praktik-akt-kh-30",
      group: "Antal med virksomhedspraktik – pr. målgruppe",
      name: "Andel med virksomhedspraktik: Aktivitetsparate kontanthjælpsmodtagere over 30 år",
      unit: "procent",
      kind: "computed",
      baseline: 26,
      baselineCount: 26,
      milestones: [27, 28, 30],
    },
    {
      code: "fij-praktik-ressourceforloeb",
      group: "Antal med virksomhedspraktik – pr. målgruppe",
      name: "Andel med virksomhedspraktik: Ressourceforløb - alle",
      unit: "procent",
      kind: "computed",
      baseline: 27,
      baselineCount: 20,
      milestones: [28, 29, 31],
    },
    {
      code: "fij-delaftale2-akt-kh-30",
      group: "Delaftale 2 – 12 måneder – andel, som opfylder krav",
      name: "Delaftale 2 - 12 måneder - andel, som opfylder krav: Aktivitetsparate kontanthjælpsmodtagere over 30 år",
      unit: "procent",
      kind: "computed",
      baseline: 87.9,
      milestones: [70, 70, 70],
    },
    {
      code: "fij-delaftale2-ressourceforloeb",
      group: "Delaftale 2 – 12 måneder – andel, som opfylder krav",
      name: "Delaftale 2 - 12 måneder - andel, som opfylder krav: Ressourceforløb - alle",
      unit: "procent",
      kind: "computed",
      baseline: 66.1,
      milestones: [70, 70, 70],
    },
    {
      code: "fij-afsluttet-akt-kh-30",
      group: "Andel afsluttet til job, uddannelse og fleksjob seneste år (jobindsats.dk)",
      name: "Andel afsluttet til job, uddannelse og fleksjob seneste år: Aktivitetsparate kontanthjælpsmodtagere over 30 år",
      unit: "procent",
      kind: "computed",
      baseline: 47,
      baselineSource: "jobindsats.dk 3.kvt.2022 til 2.kvt.2023",
      milestones: [50, 53, 57],
      // the long-term goal "10 procentpoint flere afsluttes …": 47 pct. + 10 procentpoint = 57 pct.
      goal: { kind: "relative_points", value: 10 },
      goalText: "10 procentpoint flere afsluttes til beskæftigelse, fleksjob og/eller uddannelse",
    },
    {
      code: "fij-afsluttet-ressourceforloeb",
      group: "Andel afsluttet til job, uddannelse og fleksjob seneste år (jobindsats.dk)",
      name: "Andel afsluttet til job, uddannelse og fleksjob seneste år: Ressourceforløb (fleksjob primært)",
      unit: "procent",
      kind: "computed",
      baseline: 30,
      baselineSource: "jobindsats.dk 3.kvt.2022 til 2.kvt.2023",
      milestones: [32, 34, 36],
    },
  ],
};

const KOMPETENCEPORTEN: DemoProject = {
  code: "kompetenceporten",
  name: "Kompetenceporten",
  periodStart: "2024-01-01",
  periodEnd: "2025-12-31",
  background:
    "Kompetenceporten tager afsæt i den udfordring, mange virksomheder har med at kunne rekruttere kvalificeret arbejdskraft nu og i fremtiden. I øjeblikket er der mangel på kvalificeret arbejdskraft inden for flere områder. Samtidig er der en restgruppe af ledige og sygemeldte, som har behov for at blive opkvalificeret til ledige job inden for mangelområder.\n\nFormålet med investeringen er at bidrage til, at flere får job og at flere får kompetencegivende kurser og uddannelser. Investeringen skal styrke brugen af kompetencegivende kurser og uddannelser i lokale virksomheder, samtidig med at ledige får kompetencegivende kurser og/eller oplæring i forbindelse med job i de berørte virksomheder. På længere sigt er perspektivet at sikre ledige og ansatte en mere langsigtet og stabil tilknytning til arbejdsmarkedet.",
  targetGroups: [
    "Ledige og sygemeldte med behov for opkvalificering til job inden for mangelområder",
    "Lokale private virksomheder",
  ],
  activities: [
    "Afdækning af behovet i 50 lokale private virksomheder med hensyn til fremtidens kvalificerede arbejdskraft.",
    "Etablering af et videns- og samarbejdsforum med virksomheder, faglige organisationer, uddannelsesinstitutioner, erhvervsfora m.fl.",
    "Etablering af en formidlingsstrategi via hjemmesider, sociale medier, lokale nyhedssider og erhvervssammenslutninger.",
    "Der etableres målrettede kompetenceudviklingsforløb for 25 virksomheder.",
    "Der arbejdes tæt sammen med de øvrige investeringsprojekter.",
  ],
  shortTermGoals: [
    "Behovsafdækningen er foretaget.",
    "15 virksomheder har tilkendegivet, at de vil indgå i kompetenceudviklingsforløb og/eller i forløb, hvor de rekrutterer ledige, som opkvalificeres til job i virksomheden.",
    "Hver måned formidles en god erfaring fra en virksomhed, der har deltaget i et opkvalificerings- eller rekrutteringsforløb.",
    "15 ledige er blevet opkvalificeret med efterfølgende beskæftigelse. 4 borgere er gået i uddannelse, og 2 er overgået til voksenlæreforløb i forbindelse med projektet.",
  ],
  longTermGoals: [
    "Mindst 25 virksomheder har deltaget i et forløb, hvor de allerede ansatte får styrket deres faglige kompetencer og/eller rekrutterer ledige, som bliver opkvalificeret til job i virksomheden.",
    "30 ledige er blevet opkvalificeret og har opnået beskæftigelse i forbindelse med projektet. 10 borgere er gået i gang med uddannelse, og 5 borgere har påbegyndt voksenlærlingeforløb.",
    "Det etablerede videns- og samarbejdsforum evalueres positivt af deltagerne og vil blive fastholdt fremover.",
    "Virksomhederne giver udtryk for, at de har let adgang til at få viden om muligheder for kompetenceløft.",
  ],
  investment: {
    text: "Måltal: 1 fuldtidsperson færre på sygedagpenge, 1 på kontanthjælp og 3 på a-dagpenge.",
  },
  relatedProjects: ["klar-parat-i-job", "flere-i-job", "haandholdt-jobparate-kh"],
  dataSources: ["Optælles via markeringer i fagsystemet FACIT."],
  sortOrder: 3,
  milestoneDates: ["2024-08-01", "2024-12-31", "2026-01-01"],
  milestoneLabels: [null, "Mål ultimo 2024", null],
  indicators: [
    {
      code: "kp-behovsafdaekning",
      name: "Behovsafdækning – antal virksomheder",
      unit: "antal",
      kind: "manual",
      milestones: [30, 50, null],
    },
    {
      code: "kp-virksomheder-droeftelser",
      name: "Antal virksomheder, som ønsker at indgå i drøftelser om kompetenceløft (akkumuleret)",
      unit: "antal",
      kind: "manual",
      milestones: [12, 18, 25],
    },
    {
      code: "kp-ledige-i-projektet",
      name: "Antal ledige, som indgår i projektet",
      unit: "personer",
      kind: "computed",
      milestones: [10, 18, 30],
    },
    {
      code: "kp-afsluttet-uddannelse",
      group: "Antal ledige/sygemeldte, som i forbindelse med projektet afsluttes til:",
      name: "Antal ledige/sygemeldte afsluttet til uddannelse",
      unit: "personer",
      kind: "computed",
      milestones: [null, 4, 10],
    },
    {
      code: "kp-afsluttet-voksenlaere",
      group: "Antal ledige/sygemeldte, som i forbindelse med projektet afsluttes til:",
      name: "Antal ledige/sygemeldte afsluttet til voksenlære",
      unit: "personer",
      kind: "computed",
      milestones: [null, 2, 5],
    },
    {
      code: "kp-opkvalificeret",
      name: "Antal ledige, som i forbindelse med projektet er blevet opkvalificeret",
      unit: "personer",
      kind: "computed",
      milestones: [null, 15, 30],
    },
  ],
};

const HAANDHOLDT: DemoProject = {
  code: "haandholdt-jobparate-kh",
  name: "Håndholdt indsats for jobparate kontanthjælpsmodtagere",
  periodStart: "2024-01-01",
  periodEnd: "2025-12-31",
  background:
    "Der er i øjeblikket et relativt stort behov for arbejdskraft på arbejdsmarkedet, samtidig med at der stadig er en gruppe jobparate kontanthjælpsmodtagere. Den gennemsnitlige varighed af afsluttede sager for de jobparate kontanthjælpsmodtagere er i øjeblikket 21-23 uger. Det vurderes samlet set, at der er potentiale i at nedbringe den gennemsnitlige varighed af kontanthjælpsforløbene ved at yde en indsats, således at flere opnår hurtigere og mere varig beskæftigelse. Inden for et år er der ca. 25 procent af de ledige, der har afsluttet et kontanthjælpsforløb, som vender tilbage til ydelsen eller til lignende ydelser. En del af gruppen har således hyppige tilbagevendende ydelsesforløb.\n\nInvesteringen vil i særlig grad understøtte fokusmål 1 (fleksibel og jobrettet indsats) og fokusmål 5 (kommunikation, den gode dialog og højt serviceniveau).",
  targetGroups: ["Jobparate kontanthjælpsmodtagere over 30 år"],
  activities: [
    "Indsatsen for jobparate kontanthjælpsmodtagere i to spor: jobjobparate, som vurderes selv at kunne finde job, og jobparate, som har brug for hjælp til jobsøgning fra første dag.",
    "De jobparate bliver umiddelbart henvist til et håndholdt, intensivt jobsøgningsforløb på Danmarksvej. Opstarten er som udgangspunkt et fællesmøde mellem borger, myndighed og virksomhedskonsulent.",
    "Hvis de jobjobparate ikke har fået job inden for 3 måneder, bliver de ligeledes henvist til det intensive, håndholdte jobsøgningsforløb.",
    "De ledige tilbydes efterværn ved afslutning af forløb med henblik på fastholdelse i job.",
    "Forankret praksis for screening i forbindelse med visitation på tværs af hele kontanthjælpsgruppen.",
    "Jobfokus via fælles møder for virksomhedskonsulenter, beskæftigelsesrådgivere og forløbsmedarbejdere: statusskema, gode historier, borgeroverblik og aktuelle ledige job.",
    "Der arbejdes tæt sammen med Kompetenceporten og Flere i job projektet.",
  ],
  shortTermGoals: [
    "Målgruppen er reduceret med 12 procent.",
    "Den gennemsnitlige varighed af afsluttede forløb er reduceret til højst 21 uger pr. 2. kvartal 2024.",
    "80 procent af målgruppen har virksomhedsrettet aktivitet inden 26. ledighedsuge.",
    "Af de henviste til de håndholdte jobsøgningsforløb for målgruppen på Danmarksvej er mindst 65 procent i job 3 måneder efter start.",
  ],
  longTermGoals: [
    "Målgruppen er reduceret med 40 procent.",
    "Den gennemsnitlige varighed af afsluttede forløb er reduceret til højst 18 uger for 2. halvår 2025.",
    "Målet om virksomhedsrettet aktivitet inden 26. ledighedsuge er opnået for 85 procent af målgruppen.",
    "Af de henviste til de håndholdte jobsøgningsforløb for målgruppen har 75 procent job 3 måneder efter start.",
    "Højst 15 procent af de afsluttede borgere har et nyt ydelsesforløb inden for et år.",
  ],
  investment: {
    text: "Måltal: 15 fuldtidspersoner færre på kontanthjælp (Håndholdt jobfokus, jobparate kontanthjælpsmodtagere).",
  },
  relatedProjects: ["kompetenceporten", "flere-i-job"],
  dataSources: [
    "Data hentes primært fra fagsystemet FACIT.",
    "Data fra jobindsats for perioden 3.kvt.2022 til 2.kvt.2023",
  ],
  footnotes: [
    "* Data fra jobindsats for perioden 3.kvt.2022 til 2.kvt.2023",
    "** Datausikkerhed. Der arbejdes på at finde retvisende status.",
  ],
  sortOrder: 4,
  baselineDate: "2024-01-10",
  milestoneDates: ["2024-08-01", "2024-12-31", "2026-01-01"],
  milestoneLabels: [null, "Mål ultimo 2024", null],
  indicators: [
    {
      code: "hh-jobparate-over-30",
      name: "Antal jobparate kontanthjælpsmodtagere over 30 år",
      unit: "personer",
      better: "lower",
      kind: "computed",
      baseline: 80,
      milestones: [72, 64, 48],
      // "48 (-40 pct.)": 80 − 40 pct. = 48
      goal: { kind: "relative_percent", value: -40 },
      goalText: "-40 pct.",
    },
    {
      code: "hh-andel-loentimer",
      name: "Andel med løntimer",
      unit: "procent",
      kind: "computed",
      baseline: 0,
      milestones: [5, 7, 10],
    },
    {
      code: "hh-andel-loentilskud-praktik",
      name: "Andel med løntilskud eller virksomhedspraktik",
      unit: "procent",
      kind: "computed",
      baseline: 0,
      milestones: [15, 20, 25],
    },
    {
      code: "hh-delaftale2-26-uger",
      name: "Delaftale 2, 26 uger",
      unit: "procent",
      kind: "computed",
      baseline: null,
      baselineNote: "Datausikkerhed. Der arbejdes på at finde retvisende status.",
      milestones: [50, 70, 85],
    },
    {
      code: "hh-afsluttet-job",
      name: "Andel afsluttet til job",
      unit: "procent",
      kind: "computed",
      baseline: 55.8,
      baselineSource: "jobindsats 3.kvt.2022 til 2.kvt.2023",
      milestones: [58, 62, 68],
    },
    {
      code: "hh-afsluttet-uddannelse",
      name: "Andel afsluttet til uddannelse",
      unit: "procent",
      kind: "computed",
      baseline: 9.1,
      baselineSource: "jobindsats 3.kvt.2022 til 2.kvt.2023",
      milestones: [10, 11, 12],
    },
    {
      code: "hh-tilbage-paa-ydelse",
      name: "Andel afsluttede, som vender tilbage på ydelsen indenfor et år",
      unit: "procent",
      better: "lower",
      kind: "computed",
      baseline: 25,
      milestones: [22, 20, 15],
    },
  ],
};

const SOCIALT_FRIKORT: DemoProject = {
  code: "socialt-frikort",
  name: "Unge i job med Socialt Frikort",
  periodStart: "2024-01-01",
  periodEnd: "2025-12-31",
  background:
    "I Hedensted Kommunes forsørgelsessystem er der en gruppe af unge, som kendetegnes ved en aktuel og konkret vurderet begrænset arbejdsevne. Ofte bliver unge med disse karakteristika visiteret til fleksjob i en tidlig alder og oftest med et lavt ugentligt timetal på arbejdspladsen. Investeringen har som formål at understøtte disse unges potentiale for øgede antal arbejdstimer, inden de eventuelt visiteres til fleksjob.\n\nFormålet med investeringen er at opbygge en håndholdt indsats, hvorved unge får mulighed for at udvikle deres evne til at udføre konkrete arbejdsopgaver gennem en kombination af Socialt Frikort og virksomhedspraktik. De unge vil med Socialt Frikort kunne tjene op til 40.000 kr. årligt uden at skulle betale skat, og uden at forsørgelsesydelsen reduceres.",
  targetGroups: [
    "Unge med en aktuel og konkret vurderet begrænset arbejdsevne, før en eventuel visitation til fleksjob",
  ],
  activities: [
    "Indsatsen er organiseret i Ungeenheden, hvor den bl.a. er en del af partnerskabssamarbejdet med indtil videre 25 lokale virksomheder.",
    "Myndighedsrådgiverne indstiller de unge til et socialt frikort, og det vurderes, om de er i målgruppen.",
    "Konsulenter støtter herefter i forhold til at opnå lønnede timer.",
    "Der laves kvartalsvis opfølgning.",
  ],
  shortTermGoals: ["Efter et år er 20 unge påbegyndt job med socialt frikort."],
  longTermGoals: [
    "Flere unge får ordinær tilknytning til arbejdsmarkedet.",
    "Unge, som visiteres til fleksjob, har gennemsnitligt et højere ugentligt timetal end i dag.",
  ],
  investment: { text: "Måltal: 10 fuldtidspersoner flere på uddannelseshjælp og 10 færre i fleksjob." },
  relatedProjects: [],
  dataSources: ["Markeringer og udtræk i fagsystemet FACIT."],
  sortOrder: 5,
  baselineDate: "2024-01-01",
  milestoneDates: ["2024-08-01", "2025-01-01", "2026-01-01"],
  milestoneLabels: [null, "Mål januar 2025", null],
  indicators: [
    {
      code: "sf-unge-med-frikort",
      name: "Antal unge med Socialt Frikort",
      unit: "personer",
      kind: "computed",
      baseline: null,
      milestones: [null, 20, null],
      goalText: "Efter et år er 20 unge påbegyndt job med socialt frikort",
    },
    {
      code: "sf-loentimer",
      name: "Antal/andel med løntimer",
      unit: "personer",
      kind: "computed",
      baseline: 3,
      milestones: [null, null, null],
    },
    {
      code: "sf-loentimer-1-5",
      name: "1-5 lønnede timer pr. uge",
      unit: "personer",
      kind: "computed",
      baseline: null,
      milestones: [null, null, null],
    },
    {
      code: "sf-loentimer-6-10",
      name: "6-10 lønnede timer pr. uge",
      unit: "personer",
      kind: "computed",
      baseline: null,
      milestones: [null, null, null],
    },
    {
      code: "sf-loentimer-over-10",
      name: "Over 10 lønnede timer pr. uge",
      unit: "personer",
      kind: "computed",
      baseline: null,
      milestones: [null, null, null],
    },
    {
      code: "sf-praktik-loentilskud",
      name: "Antal/andel med virksomhedspraktik eller løntilskud",
      unit: "personer",
      kind: "computed",
      baseline: 69,
      milestones: [null, null, null],
    },
    {
      code: "sf-tilfredshed-virksomheder",
      name: "Tilfredshed hos virksomheder",
      unit: "procent",
      kind: "manual",
      baseline: null,
      baselineNote: "Målt ved konkrete aktiviteter og samarbejder",
      milestones: [null, null, null],
    },
    {
      code: "sf-afsluttet-fleksjob",
      name: "Afsluttede til fleksjob",
      unit: "personer",
      kind: "computed",
      baseline: null,
      milestones: [null, null, null],
    },
    {
      code: "sf-udviklingsfleksjob",
      name: "Udviklingsfleksjob",
      unit: "personer",
      kind: "computed",
      baseline: null,
      milestones: [null, null, null],
    },
    {
      code: "sf-fleksjob-over-5-timer",
      name: "Fleksjob med over 5 lønnede timer pr. uge",
      unit: "personer",
      kind: "computed",
      baseline: null,
      milestones: [null, null, null],
    },
  ],
};

// Seed 000: "* Fra perioden 2kv18-1kv19 til perioden 4kv19-3kv20". The baseline is the period up to
// 1. kvartal 2019 (dated primo april 2019, when the project was about to start); the current status
// is seed 000's "Aktuel status" (december 2020), written as the comment of 2020-12.
const JA_BASELINE_DATE = "2019-04-01";
const JA_BASELINE_SOURCE = "Perioden 2kv18-1kv19";
const JA_GOAL_DATE = "2021-05-01";
const JOBAFKLARING: DemoProject = {
  code: "jobafklaring-2019",
  name: "Jobrettet indsats for borgere i jobafklaringsforløb",
  periodStart: "2019-05-01",
  periodEnd: "2021-04-30",
  background:
    "Lovgivningsmæssig baggrund for indsatsen – jobafklaring. Baggrundsanalyse vedrørende borgere i jobafklaring blev forelagt Udvalget for Beskæftigelse i januar 2019, og investeringsprojektet blev beskrevet og godkendt i marts 2019 i Udvalget for Beskæftigelse, Udvalget for Plan, Klima og Økonomi og Byrådet (dagsordenspunkt 4. marts 2019). Igangsætning fra maj 2019.\n\nOverordnet forventning om gevinst på 1,5 mio. kr., blandt andet som følge af 25 færre helårspersoner i jobafklaringsforløb, 10 pct. flere afsluttes til ordinære jobs og 5 pct. flere afsluttes til fleksjob. Indsatsen har det seneste år været præget af covid-19, og der er ønsket en forlængelse for at se effekten af den jobrettede indsats i en mere normal situation.",
  targetGroups: ["Borgere i jobafklaringsforløb"],
  activities: [
    "Samme beskæftigelsesrådgiver (kontinuerligt forløb).",
    "Virksomhedskonsulent på fra start (hovedregel).",
    "Beskæftigelsesrådgiver og virksomhedskonsulent er samme person i nogle sager.",
    "Tidlig jobrettet og aktiv indsats.",
    "Hyppigere opfølgning på indsats – og i praktikker.",
  ],
  shortTermGoals: ["Første evaluering i november/december 2019."],
  longTermGoals: [
    "At flere afsluttes til almindelige ordinære jobs og kommer ud af offentlig forsørgelse.",
    "Varigheden af forløbene falder.",
    "Gennemsnitlig udgift falder.",
    "At afprøve og dokumentere investeringspotentialet.",
  ],
  investment: {
    text: "To ekstra medarbejdere i to år; forventet positivt afkast på ca. 1,3 mio. kr. (dagsordenspunkt 4. marts 2019). Forventet gevinst 1,5 mio. kr., blandt andet som følge af 25 færre helårspersoner i jobafklaringsforløb.",
    staff: 2,
    years: 2,
  },
  relatedProjects: [],
  dataSources: ["Nøgletalsrapport, jobindsats.dk", "Fagsystemet FACIT"],
  footnotes: ["* Fra perioden 2kv18-1kv19 til perioden 4kv19-3kv20"],
  notes:
    "'10 pct. flere' er her tolket som en relativ stigning på 10 procent af startmålingen, ikke 10 procentpoint; målet viser, hvilken slags det er.",
  sortOrder: 6,
  baselineDate: JA_BASELINE_DATE,
  milestoneDates: [JA_GOAL_DATE],
  comments: {
    "2020-12":
      "Status december 2020 (statusnotatet): indsatsen har det seneste år været præget af covid-19. Fra april 19 til december 20 et fald på 41 pct. i antallet i jobafklaring. Andel afsluttet til job og uddannelse faldet fra 40,6 pct. til 23,7 pct., til fleksjob øget fra 14,3 pct. til 16,3 pct., til a-dagpenge faldet fra 10,5 pct. til 8,9 pct.; 5 pct. har løntimer, ingen er i løntilskud; 38 pct. er aktuelt i virksomhedspraktik; 44 pct. har varighed over 2 år og 88,6 pct. over 1 år; 25 pct. er uden registreret aktivt tilbud.",
  },
  indicators: [
    {
      code: "ja-antal-i-jobafklaring",
      name: "Antal borgere i jobafklaringsforløb",
      unit: "personer",
      better: "lower",
      kind: "computed",
      baseline: null,
      baselineNote: "Udgangspunkt april 2019; fra april 19 til december 20 et fald på 41 pct. (covid-19)",
      milestones: [null],
      goal: { kind: "relative_percent", value: -12.5 },
      goalText: "12,5 pct. færre i jobafklaring",
    },
    {
      code: "ja-afsluttet-job",
      name: "Andel afsluttet til job og uddannelse",
      unit: "procent",
      kind: "computed",
      baseline: 40.6,
      baselineSource: JA_BASELINE_SOURCE,
      milestones: [null],
      goal: { kind: "relative_percent", value: 10 },
      goalText: "10 pct. flere afsluttet til ordinært job",
    },
    {
      code: "ja-afsluttet-fleksjob",
      name: "Andel afsluttet til fleksjob",
      unit: "procent",
      kind: "computed",
      baseline: 14.3,
      baselineSource: JA_BASELINE_SOURCE,
      milestones: [null],
      goal: { kind: "relative_percent", value: 5 },
      goalText: "5 pct. flere afsluttet til fleksjob",
    },
    {
      code: "ja-afsluttet-adagpenge",
      name: "Andel afsluttet til a-dagpenge",
      unit: "procent",
      kind: "computed",
      baseline: 10.5,
      baselineSource: JA_BASELINE_SOURCE,
      milestones: [null],
      goal: { kind: "relative_percent", value: 5 },
      goalText: "5 pct. flere afsluttet til a-dagpenge",
    },
    {
      code: "ja-loentilskud-loentimer",
      name: "Andel i løntilskud eller med lønnede timer",
      unit: "procent",
      kind: "manual",
      milestones: [17],
      goalText: "17 pct. i løntilskud eller i lønnede timer",
      values: { "2020-12": 5 },
    },
    {
      code: "ja-virksomhedspraktik",
      name: "Andel i virksomhedspraktik",
      unit: "procent",
      kind: "computed",
      milestones: [30],
      goalText: "30 pct. i virksomhedspraktik",
    },
    {
      code: "ja-varighed-over-2-aar",
      name: "Andel med varighed over 2 år",
      unit: "procent",
      better: "lower",
      kind: "computed",
      milestones: [23],
      goalText: "Andel med varighed over 2 år er højest 23 pct.",
    },
    {
      code: "ja-varighed-over-1-aar",
      name: "Andel med varighed over 1 år",
      unit: "procent",
      better: "lower",
      kind: "computed",
      milestones: [50],
      goalText: "Andel med varighed over 1 år reduceres til højest 50 pct.",
    },
    {
      code: "ja-uden-tilbud",
      name: "Andel uden registreret aktivt tilbud",
      unit: "procent",
      better: "lower",
      kind: "computed",
      milestones: [15],
      goalText: "Andel uden tilbud er højest 15 pct.",
    },
  ],
};

export const DEMO_PROJECTS: DemoProject[] = [
  KLAR_PARAT,
  FLERE_I_JOB,
  KOMPETENCEPORTEN,
  HAANDHOLDT,
  SOCIALT_FRIKORT,
  JOBAFKLARING,
];

function indicatorInput(p: DemoProject, ind: DemoIndicator, sortOrder: number): IndicatorCreate {
  const dates = p.milestoneDates;
  const finalDate = dates[dates.length - 1]!;
  const finalValue = ind.milestones[dates.length - 1] ?? null;
  const baseline = ind.baseline ?? null;
  return {
    code: ind.code,
    name: ind.name,
    groupLabel: ind.group ?? null,
    unit: ind.unit,
    better: ind.better ?? "higher",
    kind: ind.kind,
    sortOrder,
    target: {
      baseline: {
        value: baseline,
        date: baseline !== null || ind.baselineNote ? (ind.baselineDate ?? p.baselineDate ?? null) : null,
        source: ind.baselineSource ?? null,
        note: ind.baselineNote ?? null,
        count: ind.baselineCount ?? null,
      },
      milestones: dates.slice(0, -1).map((date, i) => ({
        date,
        value: ind.milestones[i] ?? null,
        label: p.milestoneLabels?.[i] ?? null,
      })),
      goal: ind.goal
        ? { kind: ind.goal.kind, value: ind.goal.value, date: finalDate, text: ind.goalText ?? null }
        : { kind: "absolute", value: finalValue, date: finalDate, text: ind.goalText ?? null },
    },
  };
}

/** The six demo projects with indicators and targets (seed 000/001/002/004). */
export async function seedProjects(db: Db): Promise<void> {
  for (const p of DEMO_PROJECTS) {
    const { indicators, milestoneDates: _d, milestoneLabels: _l, baselineDate: _b, comments, ...fields } = p;
    const project = await createProject(db, fields);
    for (const [i, ind] of indicators.entries()) {
      const created = await createIndicator(db, project.id, indicatorInput(p, ind, i + 1));
      for (const [period, value] of Object.entries(ind.values ?? {})) {
        await setManualValue(db, {
          indicatorId: created.id,
          period,
          value,
          note: "Aktuel status december 2020 (statusnotatet)",
          enteredBy: "demo",
        });
      }
    }
    for (const [period, comment] of Object.entries(comments ?? {})) {
      await setComment(db, { projectId: project.id, period, comment, author: "demo" });
    }
  }
}
