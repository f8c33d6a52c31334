/** Stable error codes every function returns; programs branch on these, people read `message`. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_ACTION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'FULL',
  'CLOSED',
  'EXPIRED',
  'BUSY',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What a resident reads when a function gives no more specific message. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '填写的内容有误，请检查后再试',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限做这件事',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '内容已被修改，请刷新后再试',
  FULL: '名额已满',
  CLOSED: '已经截止了',
  EXPIRED: '已过期，请重新获取',
  BUSY: '正在处理，请稍后再试',
  INTERNAL: '系统开小差了，请稍后再试',
};

export interface FieldIssue {
  /** Dotted path of the offending field in the event, e.g. `phone` or `members.0.name`. */
  field: string;
  message: string;
}

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };

/** A domain failure with a stable code. Handlers throw it; the kit turns it into a result value. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message?: string, issues?: FieldIssue[]) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  toBody(): AppErrorBody {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message?: string, issues?: FieldIssue[]): Result<never> => ({
  ok: false,
  error: new AppError(code, message, issues).toBody(),
});
