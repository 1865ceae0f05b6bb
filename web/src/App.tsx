import { BrowserRouter, NavLink, Route, Routes } from "react-router";
import { ROLE_LABELS } from "../../src/domain/access.ts";
import { SnapshotFooter } from "./components/SnapshotInUse.tsx";
import AuditPage from "./pages/AuditPage.tsx";
import BenchmarkPage from "./pages/BenchmarkPage.tsx";
import DataPage from "./pages/DataPage.tsx";
import DataProtectionPage from "./pages/DataProtectionPage.tsx";
import EconomicsPage from "./pages/EconomicsPage.tsx";
import EffectPage from "./pages/EffectPage.tsx";
import ExitStatisticsPage from "./pages/ExitStatisticsPage.tsx";
import MaaltalPage from "./pages/MaaltalPage.tsx";
import NotFoundPage from "./pages/NotFoundPage.tsx";
import OverviewPage from "./pages/OverviewPage.tsx";
import ProjectPage from "./pages/ProjectPage.tsx";
import ReportsPage from "./pages/ReportsPage.tsx";
import SignInPage from "./pages/SignInPage.tsx";
import UsersPage from "./pages/UsersPage.tsx";
import { SessionProvider, useCan, useSession } from "./session.tsx";

const NAV: { to: string; label: string; end?: boolean }[] = [
  { to: "/", label: "Overblik", end: true },
  { to: "/data", label: "Data" },
  { to: "/afgangsstatistik", label: "Afgangsstatistik" },
  { to: "/oekonomi", label: "Økonomi" },
  { to: "/maaltal", label: "Måltal" },
  { to: "/benchmark", label: "Benchmark" },
  { to: "/rapporter", label: "Rapporter" },
];

const ADMIN_NAV: { to: string; label: string; end?: boolean }[] = [
  { to: "/brugere", label: "Brugere" },
  { to: "/revisionslog", label: "Revisionslog" },
  { to: "/databeskyttelse", label: "Databeskyttelse" },
];

/**
 * The app shell: Danish navigation, the pages, and a footer naming the snapshot the values come
 * from. Colleagues plug their pages in here. Signed out, the sign-in page is all there is.
 */
export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const { session, signOut } = useSession();
  const isAdmin = useCan("admin");
  if (!session) return <p className="loading">Henter …</p>;
  if (!session.signedIn || !session.user) return <SignInPage />;
  const user = session.user;
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
              {[...NAV, ...(isAdmin ? ADMIN_NAV : [])].map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="session-info">
            <span>
              {user.name} ({ROLE_LABELS[user.role]}
              {user.personLevel ? ", borgerdata" : ""})
            </span>{" "}
            <button type="button" className="secondary" onClick={() => signOut(false)}>
              Log ud
            </button>{" "}
            <button type="button" className="secondary" onClick={() => signOut(true)}>
              Log ud overalt
            </button>
          </div>
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
          {isAdmin && <Route path="/brugere" element={<UsersPage />} />}
          {isAdmin && <Route path="/revisionslog" element={<AuditPage />} />}
          {isAdmin && <Route path="/databeskyttelse" element={<DataProtectionPage />} />}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
      <SnapshotFooter />
    </BrowserRouter>
  );
}
