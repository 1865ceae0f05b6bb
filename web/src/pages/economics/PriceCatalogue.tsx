import { type FormEvent, useEffect, useId, useState } from "react";
import { BENEFIT_NAMES } from "../../../../src/domain/economics/prices.ts";
import {
  formatKroner,
  formatNumber,
  formatPercent,
  monthLabel,
  parseDanishNumber,
} from "../../../../src/domain/format.ts";
import { apiGet, apiSend } from "../../api.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { Field, numText } from "../../components/forms.tsx";
import { ScrollRegion } from "../../components/ScrollRegion.tsx";
import { BenefitField } from "./BenefitField.tsx";
import type { FromDataDto, PriceDto, RefusionPriceRow } from "./types.ts";

interface Draft {
  gross: string;
  refusion: string;
  source: string;
}

function PriceRowEditor({ price, onSaved }: { price: PriceDto; onSaved: () => void }) {
  const [draft, setDraft] = useState<Draft>({
    gross: numText(price.grossPerFteYear),
    refusion: numText(price.refusionPct),
    source: price.sourceNote,
  });
  const [msg, setMsg] = useState("");
  const id = useId();
  const save = async () => {
    const gross = parseDanishNumber(draft.gross);
    const refusion = parseDanishNumber(draft.refusion);
    if (gross === null || refusion === null) {
      setMsg("Bruttoudgift og refusionsprocent skal være tal");
      return;
    }
    try {
      await apiSend("PATCH", `/economics/prices/${price.id}`, {
        grossPerFteYear: gross,
        refusionPct: refusion,
        sourceNote: draft.source,
      });
      setMsg("Gemt");
      onSaved();
    } catch (e) {
      setMsg(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <tr>
      <th scope="row">
        {price.benefitName} {price.budgetYear}
      </th>
      <td className="num">
        <label className="visually-hidden" htmlFor={`${id}-g`}>
          Bruttoudgift for {price.benefitName} {price.budgetYear}
        </label>
        <input
          id={`${id}-g`}
          inputMode="decimal"
          size={9}
          value={draft.gross}
          onChange={(e) => setDraft({ ...draft, gross: e.target.value })}
        />
      </td>
      <td className="num">
        <label className="visually-hidden" htmlFor={`${id}-r`}>
          Refusionsprocent for {price.benefitName} {price.budgetYear}
        </label>
        <input
          id={`${id}-r`}
          inputMode="decimal"
          size={6}
          value={draft.refusion}
          onChange={(e) => setDraft({ ...draft, refusion: e.target.value })}
        />
      </td>
      <td className="num">{formatKroner(price.net)}</td>
      <td className="num">{formatKroner(price.weekly)}</td>
      <td>
        <label className="visually-hidden" htmlFor={`${id}-s`}>
          Kilde for {price.benefitName} {price.budgetYear}
        </label>
        <input
          id={`${id}-s`}
          size={16}
          value={draft.source}
          onChange={(e) => setDraft({ ...draft, source: e.target.value })}
        />
      </td>
      <td>
        <button type="button" onClick={save}>
          Gem
        </button>{" "}
        <span role="status" className="small">
          {msg}
        </span>
      </td>
    </tr>
  );
}

function NewPrice({ onSaved }: { onSaved: () => void }) {
  const [benefit, setBenefit] = useState("kontanthjaelp");
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [gross, setGross] = useState("");
  const [refusion, setRefusion] = useState("");
  const [source, setSource] = useState("");
  const [msg, setMsg] = useState("");
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const g = parseDanishNumber(gross);
    const r = parseDanishNumber(refusion);
    if (g === null || r === null) {
      setMsg("Bruttoudgift og refusionsprocent skal være tal");
      return;
    }
    try {
      await apiSend("POST", "/economics/prices", {
        benefit,
        budgetYear: Number(year),
        grossPerFteYear: g,
        refusionPct: r,
        sourceNote: source,
      });
      setMsg("Prisen er gemt");
      setGross("");
      setRefusion("");
      onSaved();
    } catch (err) {
      setMsg(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form onSubmit={submit} aria-label="Ny pris">
      <fieldset>
        <legend>Ny eller erstattet pris</legend>
        <div className="form-grid">
          <BenefitField label="Ydelse" value={benefit} onChange={setBenefit} />
          <Field label="Budgetår">
            {(p) => (
              <input {...p} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />
            )}
          </Field>
          <Field label="Bruttoudgift pr. fuldtidsperson pr. år (kr.)">
            {(p) => (
              <input {...p} inputMode="decimal" value={gross} onChange={(e) => setGross(e.target.value)} />
            )}
          </Field>
          <Field label="Refusionsprocent" hint="fx 22,87">
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                value={refusion}
                onChange={(e) => setRefusion(e.target.value)}
              />
            )}
          </Field>
          <Field label="Kilde" hint="fx Budgetoplæg 2025">
            {(p) => <input {...p} value={source} onChange={(e) => setSource(e.target.value)} />}
          </Field>
        </div>
        <button type="submit">Gem pris</button> <span role="status">{msg}</span>
      </fieldset>
    </form>
  );
}

/** The editable price catalogue with the prices from data (Ydelsesrefusion) beside it. */
export function PriceCatalogue({ onChange }: { onChange?: () => void }) {
  const [prices, setPrices] = useState<PriceDto[] | null>(null);
  const [fromData, setFromData] = useState<FromDataDto | null>(null);
  const [error, setError] = useState("");
  const [version, setVersion] = useState(0);
  const reload = () => {
    setVersion((v) => v + 1);
    onChange?.();
  };

  useEffect(() => {
    void version;
    apiGet<{ prices: PriceDto[] }>("/economics/prices")
      .then((r) => setPrices(r.prices))
      .catch((e) => setError(e instanceof Error ? e.message : String(e)));
    apiGet<FromDataDto>("/economics/prices/from-data")
      .then(setFromData)
      .catch(() => setFromData(null));
  }, [version]);

  const dataFor = (benefit: string) => fromData?.totals.find((t) => t.benefit === benefit);

  return (
    <section aria-labelledby="priskatalog">
      <h2 id="priskatalog">Priskatalog</h2>
      <p className="muted">
        Gennemsnitsudgift pr. fuldtidsperson pr. år: nettoudgift = bruttoudgift × (1 − refusionsprocent),
        ugepris = nettoudgift ÷ 52.
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {prices && (
        <div className="table-block">
          <ScrollRegion label="Priskatalog">
            <table>
              <caption>Priskatalog pr. ydelse og budgetår (kan rettes)</caption>
              <thead>
                <tr>
                  <th scope="col">Ydelse og budgetår</th>
                  <th scope="col" className="num">
                    Bruttoudgift (kr.)
                  </th>
                  <th scope="col" className="num">
                    Refusionsprocent
                  </th>
                  <th scope="col" className="num">
                    Nettoudgift
                  </th>
                  <th scope="col" className="num">
                    Gennemsnitsudgift pr. uge
                  </th>
                  <th scope="col">Kilde</th>
                  <th scope="col">Handling</th>
                </tr>
              </thead>
              <tbody>
                {prices.length === 0 && (
                  <tr>
                    <td colSpan={7}>Ingen priser endnu</td>
                  </tr>
                )}
                {prices.map((p) => (
                  <PriceRowEditor key={`${p.id}-${p.updatedAt}`} price={p} onSaved={reload} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </div>
      )}
      <NewPrice onSaved={reload} />

      <h3>Priser fra data</h3>
      {!fromData?.available ? (
        <p>
          Ingen data:{" "}
          {fromData?.snapshot
            ? `snapshot ${fromData.snapshot.id} har ingen refusionsrækker.`
            : "der er endnu ikke importeret et snapshot."}
        </p>
      ) : (
        <>
          <p className="muted">
            Faktisk bruttoudgift, refusion og nettoudgift fra Ydelsesrefusion i snapshot{" "}
            {fromData.snapshot?.id}.
          </p>
          <DataTable<PriceDto>
            caption="Katalogpris og faktisk pris pr. fuldtidsperson pr. år"
            rows={fromData.catalogue}
            rowKey={(r) => `${r.benefit}-${r.budgetYear}`}
            empty="Ingen katalogpriser for ydelserne i data"
            columns={[
              {
                key: "b",
                header: "Ydelse",
                rowHeader: true,
                text: (r) => `${r.benefitName} ${r.budgetYear}`,
              },
              { key: "k", header: "Katalog: nettoudgift", numeric: true, text: (r) => formatKroner(r.net) },
              {
                key: "d",
                header: "Data: nettoudgift",
                numeric: true,
                text: (r) => {
                  const d = dataFor(r.benefit);
                  return d ? formatKroner(d.netPerFteYear) : "Ingen data";
                },
              },
              {
                key: "dr",
                header: "Data: refusionsprocent",
                numeric: true,
                text: (r) => {
                  const d = dataFor(r.benefit);
                  return d?.refusionPct != null ? formatPercent(d.refusionPct, 2) : "Ingen data";
                },
              },
            ]}
          />
          <DataTable<RefusionPriceRow>
            caption="Faktiske udgifter pr. ydelse og måned"
            rows={[...fromData.months, ...fromData.totals]}
            rowKey={(r) => `${r.benefit}-${r.month ?? "i-alt"}`}
            columns={[
              {
                key: "b",
                header: "Ydelse",
                rowHeader: true,
                text: (r) =>
                  `${BENEFIT_NAMES[r.benefit] ?? r.benefit}, ${r.month ? monthLabel(r.month) : "i alt"}`,
              },
              { key: "f", header: "Fuldtidspersoner", numeric: true, text: (r) => formatNumber(r.fte, 1) },
              { key: "g", header: "Bruttoudgift", numeric: true, text: (r) => formatKroner(r.gross) },
              { key: "r", header: "Refusion", numeric: true, text: (r) => formatKroner(r.refusion) },
              {
                key: "m",
                header: "Medfinansiering",
                numeric: true,
                text: (r) => formatKroner(r.cofinancing),
              },
              { key: "n", header: "Nettoudgift", numeric: true, text: (r) => formatKroner(r.net) },
              {
                key: "p",
                header: "Netto pr. fuldtidsperson pr. år",
                numeric: true,
                text: (r) => formatKroner(r.netPerFteYear),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
