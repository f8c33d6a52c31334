/** Every collection the project uses, by name. Nothing else spells these strings. */
export const COLLECTIONS = {
  regions: 'regions',
  centers: 'centers',
  members: 'members',
  invites: 'invites',
  activities: 'activities',
  registrations: 'registrations',
  needs: 'needs',
  /** Council topics (邻里议事会 议题), from proposal to a resolution carried out. */
  topics: 'topics',
  /** Operators of centers and the community organizations centers incubate. */
  organizations: 'organizations',
  feedback: 'feedback',
  stats: 'stats',
  /** One marker per person, center and month they attended: counts distinct residents once. */
  visitors: 'visitors',
  /** Locked star assessments, one per center and period. */
  assessments: 'assessments',
  audit: 'audit',
  outbox: 'outbox',
  requests: 'requests',
} as const;
export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];
export const ALL_COLLECTIONS: readonly CollectionName[] = Object.values(COLLECTIONS);
