/** Mainland mobile numbers: 11 digits starting with 1. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

/** `13812345678` → `138****5678`; anything that is not a full phone number is masked whole. */
export function maskPhone(phone: string): string {
  if (!PHONE_PATTERN.test(phone)) return '*'.repeat(Math.min(phone.length, 11));
  return `${phone.slice(0, 3)}****${phone.slice(7)}`;
}
