import { useCallback, useRef, useState } from 'react';
import { type CallOptions, type ClientError, newRequestId, type Outcome } from '../api/client';

export interface Mutation<I, T> {
  run: (input: I) => Promise<Outcome<T>>;
  pending: boolean;
  error: ClientError | null;
  reset: () => void;
}

/**
 * One form's write. Sending the same input again after a failure reuses the request id, so a retry after a
 * lost answer cannot do the thing twice; new input gets a new id.
 */
export function useMutation<I, T>(
  send: (input: I, options: CallOptions) => Promise<Outcome<T>>,
): Mutation<I, T> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const lastAttempt = useRef<{ key: string; requestId: string } | null>(null);
  const sendRef = useRef(send);
  sendRef.current = send;

  const run = useCallback(async (input: I) => {
    const key = JSON.stringify(input) ?? '';
    const requestId = lastAttempt.current?.key === key ? lastAttempt.current.requestId : newRequestId();
    lastAttempt.current = { key, requestId };
    setPending(true);
    setError(null);
    const outcome = await sendRef.current(input, { requestId });
    setPending(false);
    if (outcome.ok) lastAttempt.current = null;
    else setError(outcome.error);
    return outcome;
  }, []);

  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, reset };
}
