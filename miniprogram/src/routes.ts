import Taro from '@tarojs/taro';

/** Every page's path, so navigation never spells one twice. Subpackage roots are in app.config.ts. */
export const ROUTES = {
  home: '/pages/home/index',
  mine: '/pages/mine/index',
  me: '/pages/me/index',
  activity: '/pages/activity/index',
  inbox: '/packages/resident/pages/inbox/index',
  centers: '/packages/resident/pages/centers/index',
  profile: '/packages/resident/pages/profile/index',
  family: '/packages/resident/pages/family/index',
  join: '/packages/resident/pages/join/index',
  pass: '/packages/resident/pages/pass/index',
  login: '/pages/login/index',
  needReport: '/packages/resident/pages/need/index',
  myNeeds: '/packages/resident/pages/needs/index',
  rate: '/packages/resident/pages/rate/index',
  council: '/packages/resident/pages/council/index',
  proposeTopic: '/packages/resident/pages/topic/index',
  staff: '/packages/staff/pages/center/index',
  staffMonth: '/packages/staff/pages/month/index',
  staffEdit: '/packages/staff/pages/edit/index',
  staffActivity: '/packages/staff/pages/activity/index',
  staffScan: '/packages/staff/pages/scan/index',
  staffCheckin: '/packages/staff/pages/checkin/index',
  staffNeeds: '/packages/staff/pages/needs/index',
  staffFeedback: '/packages/staff/pages/feedback/index',
  staffSummary: '/packages/staff/pages/summary/index',
  staffCouncil: '/packages/staff/pages/council/index',
  staffOrganizations: '/packages/staff/pages/organizations/index',
  office: '/packages/office/pages/street/index',
  officeSummary: '/packages/office/pages/summary/index',
  officeStars: '/packages/office/pages/stars/index',
  officeCouncil: '/packages/office/pages/council/index',
  officeOrganizations: '/packages/office/pages/organizations/index',
  city: '/packages/city/pages/overview/index',
  citySummary: '/packages/city/pages/summary/index',
} as const;

export const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.mine, ROUTES.me];
/** The 我的 tab, where the unread-message badge sits. */
export const ME_TAB_INDEX = 2;

type Route = (typeof ROUTES)[keyof typeof ROUTES];

/** Opens a page the right way for its kind (tab pages cannot be pushed, nor take parameters). */
export function go(route: Route, params: Record<string, string> = {}): void {
  if (TAB_ROUTES.includes(route)) {
    void Taro.switchTab({ url: route });
    return;
  }
  const query = Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  void Taro.navigateTo({ url: query ? `${route}?${query}` : route });
}

/** Back to where the person came from, or home when the page was opened directly. */
export function goBack(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: ROUTES.home });
}
