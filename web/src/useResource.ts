// Loads data for a page and lets the page replace it after a save.
import { type DependencyList, useCallback, useEffect, useState } from "react";

export type Resource<T> = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; data: T };

export function useResource<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): [Resource<T>, { reload(): void; set(data: T): void }] {
  const [state, setState] = useState<Resource<T>>({ status: "loading" });
  const [round, setRound] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names the dependencies of `load`.
  useEffect(() => {
    let live = true;
    setState({ status: "loading" });
    load().then(
      (data) => live && setState({ status: "ready", data }),
      (error: unknown) =>
        live && setState({ status: "error", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const set = useCallback((data: T) => setState({ status: "ready", data }), []);
  return [state, { reload, set }];
}
