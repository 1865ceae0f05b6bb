import { describe, expect, it } from "vitest";
import { courseAverage, staircaseRate, staircaseTable, staircaseWeeks } from "./staircase.ts";

describe("refusionstrappen: satser pr. uge", () => {
  // DESIGN 7: 80 % weeks 1–4, 40 % weeks 5–26, 30 % weeks 27–52, 20 % from week 53
  it.each([
    [1, 80],
    [4, 80],
    [5, 40],
    [26, 40],
    [27, 30],
    [52, 30],
    [53, 20],
    [500, 20],
  ])("uge %i giver %i %% refusion og kommunal andel 100 − satsen", (week, pct) => {
    const r = staircaseRate(week, "kontanthjaelp");
    expect(r.kind).toBe("refusion");
    expect(r.ratePct).toBe(pct);
    expect(r.municipalSharePct).toBe(100 - pct);
  });

  // DESIGN 7: a-dagpenge: the municipality co-finances 20/60/70/80 % over the same bands
  it.each([
    [4, 20],
    [5, 60],
    [26, 60],
    [27, 70],
    [52, 70],
    [53, 80],
  ])("a-dagpenge uge %i: kommunal medfinansiering %i %%", (week, pct) => {
    const r = staircaseRate(week, "a-dagpenge");
    expect(r.kind).toBe("medfinansiering");
    expect(r.ratePct).toBe(pct);
    expect(r.municipalSharePct).toBe(pct);
  });

  it("den kommunale andel er den samme for a-dagpenge og refusionsydelser", () => {
    for (let w = 1; w <= 60; w++) {
      expect(staircaseRate(w, "a-dagpenge").municipalSharePct).toBe(
        staircaseRate(w, "sygedagpenge").municipalSharePct,
      );
    }
  });

  it("afviser uge 0 og brøker med en dansk fejl", () => {
    expect(() => staircaseRate(0)).toThrow(/starter ved 1/);
    expect(() => staircaseRate(2.5)).toThrow(/Ugyldig uge/);
  });
});

describe("refusionstrappen: gennemsnit for et forløb på N uger", () => {
  const gross = 1000; // kr. per week, so the net per week equals the municipal share × 10

  it("4 uger: kun 80 %-trinnet → 20 % kommunal andel", () => {
    const c = courseAverage(4, gross);
    expect(c.averageRatePct).toBe(80);
    expect(c.netPerWeek).toBeCloseTo(200, 9);
    expect(c.netTotal).toBeCloseTo(800, 9);
  });

  it("5 uger: (4 × 80 + 1 × 40) ÷ 5 = 72 % refusion", () => {
    expect(courseAverage(5, gross).averageRatePct).toBeCloseTo(72, 9);
  });

  it("26 og 27 uger", () => {
    // (4 × 80 + 22 × 40) ÷ 26 = 1200 ÷ 26 = 46,1538…
    expect(courseAverage(26, gross).averageRatePct).toBeCloseTo(1200 / 26, 9);
    // (1200 + 30) ÷ 27 = 45,5555…
    expect(courseAverage(27, gross).averageRatePct).toBeCloseTo(1230 / 27, 9);
  });

  it("52 og 53 uger", () => {
    // (1200 + 26 × 30) ÷ 52 = 1980 ÷ 52 = 38,0769…; net per week = 1000 × (1 − 0,380769) = 619,23
    const c52 = courseAverage(52, gross);
    expect(c52.averageRatePct).toBeCloseTo(1980 / 52, 9);
    expect(c52.netPerWeek).toBeCloseTo(1000 * (1 - 1980 / 52 / 100), 9);
    // (1980 + 20) ÷ 53 = 37,7358…
    expect(courseAverage(53, gross).averageRatePct).toBeCloseTo(2000 / 53, 9);
  });

  it("a-dagpenge: gennemsnitlig medfinansiering over 52 uger = (4×20 + 22×60 + 26×70) ÷ 52", () => {
    // (80 + 1320 + 1820) ÷ 52 = 3220 ÷ 52 = 61,923…
    const c = courseAverage(52, gross, "a-dagpenge");
    expect(c.kind).toBe("medfinansiering");
    expect(c.averageRatePct).toBeCloseTo(3220 / 52, 9);
    expect(c.municipalSharePct).toBeCloseTo(3220 / 52, 9);
  });

  it("et forløb efter forudgående uger på trappen starter på det trin", () => {
    // after 50 weeks: weeks 51, 52 at 30 %, weeks 53, 54 at 20 % → 25 %
    expect(courseAverage(4, gross, "kontanthjaelp", 50).averageRatePct).toBeCloseTo(25, 9);
  });

  it("den ugentlige nettopris falder, jo kortere forløbet er", () => {
    const table = staircaseTable(104, gross);
    expect(table).toHaveLength(104);
    for (let i = 1; i < table.length; i++) {
      expect(table[i]!.netPerWeek).toBeGreaterThanOrEqual(table[i - 1]!.netPerWeek);
    }
    expect(table[0]!.netPerWeek).toBeCloseTo(200, 9);
    // 104 weeks: (1980 + 52 × 20) ÷ 104 = 3020 ÷ 104 refusion
    expect(table[103]!.averageRatePct).toBeCloseTo(3020 / 104, 9);
  });
});

describe("refusionstrappen: nulstilling efter 52 ugers selvforsørgelse inden for 3 år", () => {
  const weeks = (pattern: [boolean, number][]) => pattern.flatMap(([v, n]) => Array<boolean>(n).fill(v));

  it("tæller kun uger på ydelse og fortsætter efter en kort pause", () => {
    const w = staircaseWeeks(
      weeks([
        [true, 10],
        [false, 51],
        [true, 2],
      ]),
    );
    const supported = w.filter((x) => x.supported);
    // 51 weeks of self-support are one short of 52: the count continues at 11, 12
    expect(supported.map((x) => x.staircaseWeek)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(w.some((x) => x.restarted)).toBe(false);
  });

  it("52 hele ugers selvforsørgelse nulstiller tællingen", () => {
    const w = staircaseWeeks(
      weeks([
        [true, 60],
        [false, 52],
        [true, 3],
      ]),
    );
    const after = w.slice(112);
    expect(after.map((x) => x.staircaseWeek)).toEqual([1, 2, 3]);
    expect(after[0]!.restarted).toBe(true);
    expect(after[1]!.restarted).toBe(false);
    expect(staircaseRate(after[0]!.staircaseWeek!).ratePct).toBe(80);
  });

  it("selvforsørgelse spredt over 3 år tæller sammen", () => {
    // 30 weeks on, 26 off, 30 on, 26 off, 1 on: 52 off weeks within the latest 156 → restart
    const w = staircaseWeeks(
      weeks([
        [true, 30],
        [false, 26],
        [true, 30],
        [false, 26],
        [true, 1],
      ]),
    );
    expect(w.at(-1)!.staircaseWeek).toBe(1);
    expect(w.at(-1)!.restarted).toBe(true);
  });

  it("selvforsørgelse ældre end 156 uger tæller ikke med", () => {
    // 1 on, 26 off, 130 on, 26 off, 1 on: the first 26 off weeks lie 157+ weeks back when the last week comes
    const w = staircaseWeeks(
      weeks([
        [true, 1],
        [false, 26],
        [true, 130],
        [false, 26],
        [true, 1],
      ]),
    );
    // first off block: weeks 1–26 (indices); last week index 183; window = 27…182 holds only 26 off weeks
    expect(w.at(-1)!.staircaseWeek).toBe(132);
  });

  it("forudgående uger fortsætter tællingen", () => {
    const w = staircaseWeeks([true, true], 52);
    expect(w.map((x) => x.staircaseWeek)).toEqual([53, 54]);
  });
});
