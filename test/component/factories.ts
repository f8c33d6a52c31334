import type { MemberView } from '../../shared/contract/account';

/** A resident as `account.whoami` describes them; override what a test cares about. */
export function residentView(overrides: Partial<MemberView> = {}): MemberView {
  return {
    role: 'resident',
    displayName: '王秀英',
    homeCenterId: null,
    centerId: null,
    streetId: null,
    elderlyMode: false,
    phoneMasked: '138****1234',
    family: [],
    ...overrides,
  };
}

export const ok = <T>(data: T) => ({ ok: true as const, data });
