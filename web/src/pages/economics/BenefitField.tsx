import { BENEFIT_NAMES } from "../../../../src/domain/economics/prices.ts";
import { Field } from "../../components/forms.tsx";

/** A choice of one benefit (ydelse) by its Danish name, as the price catalogue knows them. */
export function BenefitField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (code: string) => void;
}) {
  return (
    <Field label={label}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {Object.entries(BENEFIT_NAMES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
