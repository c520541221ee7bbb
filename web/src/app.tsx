/**
 * The shell: who is signed in, the navigation, and which page the path names.
 */
import { useEffect, useState } from "react";
import { api, onUnauthenticated } from "./api/client.ts";
import type { User } from "./api/types.ts";
import { Link, navigate, useLocation } from "./lib/router.tsx";
import { SessionContext } from "./lib/session.ts";
import { USER_ROLE } from "./lib/texts.ts";
import { ButterflyMark } from "./components/butterfly-mark.tsx";
import { LoginPage } from "./pages/login-page.tsx";
import { BoardPage } from "./board/board-page.tsx";
import { PeoplePage } from "./pages/people-page.tsx";
import { EnclavesPage } from "./pages/enclaves-page.tsx";
import { AbsencesPage } from "./pages/absences-page.tsx";
import { TransportPage } from "./pages/transport-page.tsx";
import { HrPage } from "./pages/hr-page.tsx";

const NAV = [
  { href: "/", label: "Ochtendbord", match: (p: string) => p === "/" || p.startsWith("/dag") },
  { href: "/mensen", label: "Mensen", match: (p: string) => p.startsWith("/mensen") },
  { href: "/enclaves", label: "Enclaves", match: (p: string) => p.startsWith("/enclaves") },
  { href: "/afwezigheden", label: "Afwezigheden", match: (p: string) => p.startsWith("/afwezigheden") },
  { href: "/vervoer", label: "Vervoer", match: (p: string) => p.startsWith("/vervoer") },
  { href: "/hr", label: "HR-raming", match: (p: string) => p.startsWith("/hr") },
];

export function App() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const { path } = useLocation();

  useEffect(() => {
    api.me().then(
      ({ user }) => setUser(user),
      () => setUser(null),
    );
    return onUnauthenticated(() => setUser(null));
  }, []);

  if (user === undefined) return <p className="loading" role="status">Laden…</p>;
  if (user === null || path === "/inloggen") {
    return (
      <LoginPage
        onLogin={(u) => {
          setUser(u);
          // A link to a day opened while signed out stays on that day after signing in.
          if (location.pathname === "/inloggen") navigate("/", { replace: true });
        }}
      />
    );
  }

  const logout = async () => {
    await api.logout().catch(() => undefined);
    setUser(null);
    navigate("/inloggen");
  };

  return (
    <SessionContext.Provider value={user}>
      <a className="skip-link" href="#inhoud">Naar de inhoud</a>
      <header className="topbar">
        <span className="brand"><ButterflyMark /> vlinder</span>
        <nav aria-label="Hoofdmenu">
          <ul>
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href} aria-current={item.match(path) ? "page" : undefined}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          {user.name} · {USER_ROLE[user.role]} · {user.organisation.name}
          <button type="button" className="link-button" onClick={logout}>Afmelden</button>
        </span>
      </header>
      <main id="inhoud" tabIndex={-1}>
        <Page path={path} />
      </main>
    </SessionContext.Provider>
  );
}

function Page({ path }: { path: string }) {
  if (path === "/" || path.startsWith("/dag")) {
    const routeDate = /^\/dag\/(\d{4}-\d{2}-\d{2})/.exec(path)?.[1];
    return <BoardPage routeDate={routeDate} />;
  }
  if (path.startsWith("/mensen")) return <PeoplePage />;
  if (path.startsWith("/enclaves")) return <EnclavesPage />;
  if (path.startsWith("/afwezigheden")) return <AbsencesPage />;
  if (path.startsWith("/vervoer")) return <TransportPage />;
  if (path.startsWith("/hr")) return <HrPage />;
  return (
    <section className="page">
      <h1>Pagina niet gevonden</h1>
      <p><Link href="/">Naar het ochtendbord</Link></p>
    </section>
  );
}
