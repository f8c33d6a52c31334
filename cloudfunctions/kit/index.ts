export { recordAudit } from './audit';
export { assertOwnCenter, assertOwnStreet } from './authz';
export { callerOpenid, cloud, type Database, database } from './cloud';
export { type ContentChecker, configuredChecker, wordListChecker } from './content';
export {
  type ActionContext,
  type ActionHandler,
  defineFunction,
  type FunctionHandlers,
  type TimerContext,
  type TimerHandlers,
} from './define';
export { logEvent } from './log';
export {
  loadMember,
  loadOrCreateMember,
  type MemberRecord,
  memberRecordSchema,
  toMemberView,
} from './members';
export { type OutboxMessage, outboxMessage } from './outbox';
export {
  type CenterRecord,
  centerRecordSchema,
  loadCenter,
  loadCenterBriefs,
  loadRegion,
  type RegionRecord,
} from './places';
export { bumpStats } from './stats';
export { insertMissing, insertOnce, readDoc, readMany, updateWhere } from './store';
export { parseOrThrow } from './validation';
