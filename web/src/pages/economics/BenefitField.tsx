import { BENEFIT_NAMES } from "../../../../src/domain/economics/prices.ts";
import { SelectField } from "../../components/forms.tsx";

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
  return <SelectField label={label} options={BENEFIT_NAMES} value={value} onChange={onChange} />;
}
