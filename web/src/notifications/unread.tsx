// The number of unread notifications, shown in the header on every page: read when the layout
// mounts, again every minute, and at once after the notifications page marks one read.
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
import { notificationsApi } from "./api.ts";

interface Unread {
  count: number | null;
  refresh(): void;
}

const UnreadContext = createContext<Unread>({ count: null, refresh: () => {} });
const EVERY_MS = 60_000;

export function UnreadProvider({ children }: { children: ReactNode }): ReactElement {
  const [count, setCount] = useState<number | null>(null);
  const [round, setRound] = useState(0);
  const refresh = useCallback(() => setRound((r) => r + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` asks for a new count.
  useEffect(() => {
    let live = true;
    const load = () =>
      notificationsApi.list().then(
        (list) => live && setCount(list.unread),
        () => live && setCount(null),
      );
    void load();
    const timer = setInterval(load, EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [round]);

  const value = useMemo(() => ({ count, refresh }), [count, refresh]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

export function useUnread(): Unread {
  return useContext(UnreadContext);
}
