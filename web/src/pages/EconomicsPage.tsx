import { useEffect } from "react";
import { useSearchParams } from "react-router";
import { PriceCatalogue } from "./economics/PriceCatalogue.tsx";
import { ProjectEconomicsView } from "./economics/ProjectEconomicsView.tsx";
import { StaircaseCalculator } from "./economics/StaircaseCalculator.tsx";

/** Økonomi: price catalogue, refusion staircase, potential, business cases and realized gain per project. */
export default function EconomicsPage() {
  const [params] = useSearchParams();
  const projekt = Number(params.get("projekt"));
  useEffect(() => {
    document.title = "Økonomi – Effektspor";
  }, []);
  return (
    <section>
      <h1>Økonomi</h1>
      <p className="muted">
        Hvad investeringsprojekterne forventes at give, og hvad data siger indtil nu – i kroner.
      </p>
      <div className="toolbar">
        <a className="button-link secondary" href="/api/economics/export.xlsx" download>
          Hent som Excel (XLSX)
        </a>
      </div>
      <ProjectEconomicsView
        initialProjectId={Number.isInteger(projekt) && projekt > 0 ? projekt : undefined}
      />
      <PriceCatalogue />
      <StaircaseCalculator />
    </section>
  );
}
