import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import type { SessionResponse } from "../../src/api/contract/access.ts";
import type { Action } from "../../src/domain/access.ts";
import { apiGet, apiSend, SIGNED_OUT_EVENT, setCsrfToken } from "./api.ts";

interface SessionState {
  session: SessionResponse | null;
  refresh: () => Promise<void>;
  signOut: (everywhere?: boolean) => Promise<void>;
}

const SessionContext = createContext<SessionState>({
  session: null,
  refresh: async () => {},
  signOut: async () => {},
});

/** Holds GET /api/session: who is signed in and what they may do; refreshed when the API says 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionResponse | null>(null);
  const refresh = useCallback(async () => {
    const s = await apiGet<SessionResponse>("/session");
    setCsrfToken(s.csrfToken);
    setSession(s);
  }, []);
  const signOut = useCallback(
    async (everywhere = false) => {
      await apiSend("DELETE", everywhere ? "/sessions" : "/session").catch(() => undefined);
      setCsrfToken(null);
      await refresh();
    },
    [refresh],
  );
  useEffect(() => {
    refresh().catch(() => setSession(null));
    const onSignedOut = () => {
      refresh().catch(() => undefined);
    };
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, [refresh]);
  return <SessionContext.Provider value={{ session, refresh, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}

/** May the signed-in user take `action` (on `projectId`, for a projektleder's edits)? */
export function useCan(action: Action, projectId?: number): boolean {
  const user = useSession().session?.user;
  if (!user) return false;
  if (action === "edit-project" && user.role === "projektleder") {
    return projectId === undefined ? user.leads.length > 0 : user.leads.includes(projectId);
  }
  return user.permissions.includes(action);
}

/** Shows its children only when the signed-in user may take `action` (the API refuses it anyway). */
export function Can({
  action,
  projectId,
  children,
}: {
  action: Action;
  projectId?: number;
  children: ReactNode;
}) {
  return useCan(action, projectId) ? <>{children}</> : null;
}
