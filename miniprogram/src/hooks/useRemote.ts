import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientError, Outcome } from '../api/client';

export type RemoteState<T> =
  | { status: 'loading'; data: T | null }
  | { status: 'ready'; data: T }
  | { status: 'error'; data: T | null; error: ClientError };

/**
 * Loads something when the page opens and whenever `key` changes; `reload` is the retry button's action.
 * An answer that arrives after a newer request started is dropped.
 */
export function useRemote<T>(
  load: () => Promise<Outcome<T>>,
  key = '',
): RemoteState<T> & { reload: () => void } {
  const [state, setState] = useState<RemoteState<T>>({ status: 'loading', data: null });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    setState((previous) => ({ status: 'loading', data: previous.data }));
    void loadRef.current().then((outcome) => {
      if (ticket !== latest.current) return;
      setState((previous) =>
        outcome.ok
          ? { status: 'ready', data: outcome.data }
          : { status: 'error', data: previous.data, error: outcome.error },
      );
    });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the reason to load again.
  useEffect(() => reload(), [reload, key]);

  return { ...state, reload };
}
