import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type Pass, passSchema } from '../../../../../../shared/contract/checkin';
import { type ClientError, call } from '../../../../api/client';
import { checkinApi } from '../../../../api/functions/checkin';

const storageKey = (registrationId: string) => `linli.pass.${registrationId}`;

/** The pass saved on this phone, if it is one and for this registration (storage keeps whatever it was given). */
function readSaved(registrationId: string): Pass | null {
  const parsed = passSchema.safeParse(Taro.getStorageSync(storageKey(registrationId)));
  return parsed.success && parsed.data.registrationId === registrationId ? parsed.data : null;
}

function save(pass: Pass): void {
  try {
    Taro.setStorageSync(storageKey(pass.registrationId), pass);
  } catch {
    // A full storage only costs the offline copy; the code on screen works regardless.
  }
}

/** Answers that mean there is no pass any more (cancelled, waitlisted, someone else's): forget the saved one. */
const GONE: readonly ClientError['code'][] = ['CONFLICT', 'NOT_FOUND', 'FORBIDDEN', 'VALIDATION'];

export interface PassState {
  pass: Pass | null;
  /** Asking the server right now. */
  refreshing: boolean;
  /** The last refresh failed; with a saved pass the code still works (it is made on the phone). */
  error: ClientError | null;
  refresh: () => void;
}

/**
 * One registration's pass: the saved copy first, so the code shows at once and without network, then the
 * server's (which may say the person has checked in meanwhile, or that the place is gone).
 */
export function usePass(registrationId: string): PassState {
  const [pass, setPass] = useState<Pass | null>(() => readSaved(registrationId));
  const [refreshing, setRefreshing] = useState(true);
  const [error, setError] = useState<ClientError | null>(null);
  const latest = useRef(0);

  const refresh = useCallback(() => {
    const ticket = ++latest.current;
    setRefreshing(true);
    void call(checkinApi, 'pass', { registrationId }).then((outcome) => {
      if (ticket !== latest.current) return;
      setRefreshing(false);
      if (outcome.ok) {
        save(outcome.data);
        setPass(outcome.data);
        setError(null);
        return;
      }
      setError(outcome.error);
      if (GONE.includes(outcome.error.code)) {
        Taro.removeStorageSync(storageKey(registrationId));
        setPass(null);
      }
    });
  }, [registrationId]);

  useEffect(() => refresh(), [refresh]);
  return { pass, refreshing, error, refresh };
}
