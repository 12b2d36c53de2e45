// The logged-in user and their region, shared by every page; the region's theme follows the session.
import {
  createContext,
  type ReactElement,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from "react";
import { api, type Me, setUnauthorizedHandler } from "./api.ts";
import { applyRegionTheme } from "./theme.ts";

type SessionState = { status: "loading" } | { status: "anonymous"; ended: boolean } | { status: "ready"; me: Me };

interface Session {
  state: SessionState;
  signIn(me: Me): void;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }): ReactElement {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  useEffect(() => {
    let live = true;
    api
      .me()
      .then((me) => live && setState({ status: "ready", me }))
      .catch(() => live && setState({ status: "anonymous", ended: false }));
    setUnauthorizedHandler(() => setState({ status: "anonymous", ended: true }));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    applyRegionTheme(state.status === "ready" ? state.me.region.theme : null);
  }, [state]);

  const signIn = useCallback((me: Me) => setState({ status: "ready", me }), []);
  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setState({ status: "anonymous", ended: false });
    }
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

/** The logged-in user's session; only for pages under the authenticated layout. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== "ready") throw new Error("useMe without a session");
  return state.me;
}
