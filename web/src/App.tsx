import { BrowserRouter, NavLink, Route, Routes } from "react-router";
import { SnapshotFooter } from "./components/SnapshotInUse.tsx";
import BenchmarkPage from "./pages/BenchmarkPage.tsx";
import DataPage from "./pages/DataPage.tsx";
import EconomicsPage from "./pages/EconomicsPage.tsx";
import EffectPage from "./pages/EffectPage.tsx";
import ExitStatisticsPage from "./pages/ExitStatisticsPage.tsx";
import MaaltalPage from "./pages/MaaltalPage.tsx";
import NotFoundPage from "./pages/NotFoundPage.tsx";
import OverviewPage from "./pages/OverviewPage.tsx";
import ProjectPage from "./pages/ProjectPage.tsx";
import ReportsPage from "./pages/ReportsPage.tsx";

const NAV: { to: string; label: string; end?: boolean }[] = [
  { to: "/", label: "Overblik", end: true },
  { to: "/data", label: "Data" },
  { to: "/afgangsstatistik", label: "Afgangsstatistik" },
  { to: "/oekonomi", label: "Økonomi" },
  { to: "/maaltal", label: "Måltal" },
  { to: "/benchmark", label: "Benchmark" },
  { to: "/rapporter", label: "Rapporter" },
];

/**
 * The app shell: Danish navigation, the pages, and a footer naming the snapshot the values come
 * from. Colleagues plug their pages in here.
 */
export function App() {
  return (
    <BrowserRouter>
      <a className="skip-link" href="#indhold">
        Gå til indhold
      </a>
      <header className="app-header">
        <div className="inner">
          <NavLink to="/" className="brand">
            Effektspor
          </NavLink>
          <nav className="main-nav" aria-label="Hovedmenu">
            <ul>
              {NAV.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="indhold">
        <Routes>
          <Route path="/" element={<OverviewPage />} />
          <Route path="/projekter/ny" element={<ProjectPage />} />
          <Route path="/projekter/:id" element={<ProjectPage />} />
          <Route path="/projekter/:id/effekt" element={<EffectPage />} />
          <Route path="/data" element={<DataPage />} />
          <Route path="/afgangsstatistik" element={<ExitStatisticsPage />} />
          <Route path="/oekonomi" element={<EconomicsPage />} />
          <Route path="/maaltal" element={<MaaltalPage />} />
          <Route path="/benchmark" element={<BenchmarkPage />} />
          <Route path="/rapporter" element={<ReportsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
      <SnapshotFooter />
    </BrowserRouter>
  );
}
