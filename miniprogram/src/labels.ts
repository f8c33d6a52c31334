import type { Role } from '../../shared/contract/common';

/** How each role is called on screen. */
export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  staff: '社工',
  office: '街道',
  admin: '市民政局',
};

export const CENTER_STATUS_LABELS = { building: '建设中', operating: '运营中' } as const;
