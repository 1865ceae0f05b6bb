import { type FormEvent, useState } from "react";
import { addMonths, isMonth } from "../../../../src/domain/calendar.ts";
import type { BusinessCaseModelInput } from "../../../../src/domain/economics/business-case.ts";
import { parseDanishNumber } from "../../../../src/domain/format.ts";
import { apiSend } from "../../api.ts";
import { Field, lines, numText } from "../../components/forms.tsx";
import { BenefitField } from "./BenefitField.tsx";
import type { BusinessCaseDto } from "./types.ts";

interface EffectDraft {
  benefit: string;
  label: string;
  perYear: string;
}

const listText = (values: readonly number[]) => values.map((v) => numText(v)).join("; ");
const parseList = (text: string): number[] | null => {
  const parts = text
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
  const nums = parts.map(parseDanishNumber);
  return nums.some((n) => n === null) ? null : (nums as number[]);
};

/**
 * A form for a project's business case: period, staff and costs per year, full-time persons saved
 * per benefit and year, and the assumptions. Creates a new case when `existing` is absent.
 */
export function BusinessCaseEditor({
  projectId,
  existing,
  onSaved,
}: {
  projectId: number;
  existing?: BusinessCaseDto;
  onSaved: () => void;
}) {
  const m = existing?.model;
  const [name, setName] = useState(existing?.name ?? "Business case");
  const [start, setStart] = useState(m?.startMonth ?? `${new Date().getFullYear()}-01`);
  const [effectStart, setEffectStart] = useState(m?.effectStartMonth ?? "");
  const [years, setYears] = useState(String(m?.years ?? 2));
  const [staff, setStaff] = useState(listText(m?.investment.map((i) => i.staff) ?? [1, 1]));
  const [staffCost, setStaffCost] = useState(
    listText(m?.investment.map((i) => i.staffCostPerYear) ?? [500_000, 500_000]),
  );
  const [other, setOther] = useState(listText(m?.investment.map((i) => i.otherCosts) ?? [0, 0]));
  const [effects, setEffects] = useState<EffectDraft[]>(
    m?.effects.flatMap((e) =>
      e.kind === "fte" ? [{ benefit: e.benefit, label: e.label ?? "", perYear: listText(e.ftePerYear) }] : [],
    ) ?? [{ benefit: "kontanthjaelp", label: "", perYear: "1; 1" }],
  );
  const weekEffects = m?.effects.filter((e) => e.kind === "weeks") ?? [];
  const [notes, setNotes] = useState((m?.notes ?? []).join("\n"));
  const [msg, setMsg] = useState("");

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(years);
    const s = parseList(staff);
    const c = parseList(staffCost);
    const o = parseList(other);
    if (!Number.isInteger(n) || n < 1 || !s || !c || !o) {
      setMsg("Antal år, medarbejdere og udgifter skal være tal (flere år adskilles med semikolon)");
      return;
    }
    if (!isMonth(start)) {
      setMsg("Første måned skal skrives som ÅÅÅÅ-MM, fx 2024-01");
      return;
    }
    const effectFrom = effectStart.trim();
    const lastMonth = addMonths(start, n * 12 - 1);
    if (effectFrom && (!isMonth(effectFrom) || effectFrom < start || effectFrom > lastMonth)) {
      setMsg(
        `Effekternes start skal være en måned i projektets periode (${start} – ${lastMonth}), skrevet ÅÅÅÅ-MM, eller stå tom`,
      );
      return;
    }
    const parsedEffects = effects.map((x) => ({ ...x, values: parseList(x.perYear) }));
    if (parsedEffects.some((x) => !x.values)) {
      setMsg("Fuldtidspersoner pr. år skal være tal adskilt med semikolon");
      return;
    }
    const model: BusinessCaseModelInput = {
      startMonth: start,
      ...(effectFrom ? { effectStartMonth: effectFrom } : {}),
      years: n,
      ...(m?.priceYear ? { priceYear: m.priceYear } : {}),
      investment: Array.from({ length: n }, (_, i) => ({
        year: i + 1,
        staff: s[i] ?? s.at(-1) ?? 0,
        staffCostPerYear: c[i] ?? c.at(-1) ?? 0,
        otherCosts: o[i] ?? 0,
      })),
      effects: [
        ...parsedEffects.map((x) => ({
          kind: "fte" as const,
          benefit: x.benefit,
          ...(x.label ? { label: x.label } : {}),
          ftePerYear: x.values!,
        })),
        ...weekEffects,
      ],
      prices: m?.prices ?? [],
      notes: lines(notes),
    };
    try {
      if (existing) await apiSend("PUT", `/economics/business-cases/${existing.id}`, { name, model });
      else await apiSend("POST", "/economics/business-cases", { projectId, name, model });
      setMsg("Business casen er gemt");
      onSaved();
    } catch (err) {
      setMsg(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form onSubmit={submit} aria-label={existing ? `Ret business case ${existing.name}` : "Ny business case"}>
      <fieldset>
        <legend>{existing ? "Ret business casen" : "Ny business case"}</legend>
        <div className="form-grid">
          <Field label="Navn">
            {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label="Første måned" hint="ÅÅÅÅ-MM">
            {(p) => <input {...p} value={start} onChange={(e) => setStart(e.target.value)} />}
          </Field>
          <Field label="Effekterne starter" hint="ÅÅÅÅ-MM, tom: fra første måned">
            {(p) => (
              <input
                {...p}
                type="month"
                value={effectStart}
                onChange={(e) => setEffectStart(e.target.value)}
              />
            )}
          </Field>
          <Field label="Antal år">
            {(p) => (
              <input {...p} inputMode="numeric" value={years} onChange={(e) => setYears(e.target.value)} />
            )}
          </Field>
          <Field label="Medarbejdere pr. år" hint="fx 2; 2">
            {(p) => <input {...p} value={staff} onChange={(e) => setStaff(e.target.value)} />}
          </Field>
          <Field label="Udgift pr. medarbejder pr. år (kr.)" hint="fx 500.000; 500.000">
            {(p) => <input {...p} value={staffCost} onChange={(e) => setStaffCost(e.target.value)} />}
          </Field>
          <Field label="Øvrige udgifter pr. år (kr.)" hint="fx 0; 0">
            {(p) => <input {...p} value={other} onChange={(e) => setOther(e.target.value)} />}
          </Field>
        </div>
        <fieldset>
          <legend>Effekter: færre fuldtidspersoner pr. år</legend>
          {effects.map((x, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id
            <div className="form-grid" key={i}>
              <BenefitField
                label={`Ydelse ${i + 1}`}
                value={x.benefit}
                onChange={(benefit) => setEffects(effects.map((y, j) => (j === i ? { ...y, benefit } : y)))}
              />
              <Field label={`Beskrivelse ${i + 1}`}>
                {(p) => (
                  <input
                    {...p}
                    value={x.label}
                    onChange={(e) =>
                      setEffects(effects.map((y, j) => (j === i ? { ...y, label: e.target.value } : y)))
                    }
                  />
                )}
              </Field>
              <Field label={`Fuldtidspersoner pr. år ${i + 1}`} hint="fx 2; 2">
                {(p) => (
                  <input
                    {...p}
                    value={x.perYear}
                    onChange={(e) =>
                      setEffects(effects.map((y, j) => (j === i ? { ...y, perYear: e.target.value } : y)))
                    }
                  />
                )}
              </Field>
              <button
                type="button"
                className="secondary"
                onClick={() => setEffects(effects.filter((_, j) => j !== i))}
              >
                Fjern effekt {i + 1}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => setEffects([...effects, { benefit: "kontanthjaelp", label: "", perYear: "1" }])}
          >
            Tilføj effekt
          </button>
          {weekEffects.length > 0 && (
            <p className="small muted">
              {weekEffects.length} effekt(er) opgjort i sparede uger bevares uændret.
            </p>
          )}
        </fieldset>
        <Field label="Antagelser" hint="én pr. linje">
          {(p) => <textarea {...p} rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
        <button type="submit">Gem business case</button> <span role="status">{msg}</span>
      </fieldset>
    </form>
  );
}
