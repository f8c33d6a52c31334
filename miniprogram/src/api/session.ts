import Taro from '@tarojs/taro';

/**
 * The local-mode session token (h5 only). On weapp WeChat itself says who the caller is, so there is no token.
 */
const TOKEN_KEY = 'linli.session';

export function readToken(): string | null {
  const value: unknown = Taro.getStorageSync(TOKEN_KEY);
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function saveToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
}

export function clearToken(): void {
  Taro.removeStorageSync(TOKEN_KEY);
}
