import Taro from '@tarojs/taro';

/** Every page's path, so navigation never spells one twice. Subpackage roots are in app.config.ts. */
export const ROUTES = {
  home: '/pages/home/index',
  me: '/pages/me/index',
  centers: '/pages/centers/index',
  profile: '/pages/profile/index',
  family: '/pages/family/index',
  join: '/pages/join/index',
  login: '/pages/login/index',
  staff: '/packages/staff/pages/center/index',
  office: '/packages/office/pages/street/index',
  city: '/packages/city/pages/overview/index',
} as const;

export const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.me];

type Route = (typeof ROUTES)[keyof typeof ROUTES];

/** Opens a page the right way for its kind (tab pages cannot be pushed). */
export function go(route: Route): void {
  if (TAB_ROUTES.includes(route)) void Taro.switchTab({ url: route });
  else void Taro.navigateTo({ url: route });
}

/** Back to where the resident came from, or home when the page was opened directly. */
export function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: ROUTES.home });
}
