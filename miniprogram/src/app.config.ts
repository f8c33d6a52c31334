// The sign-in page exists only in the h5 build: in WeChat the caller is always known.
const localSignIn = process.env.TARO_ENV === 'h5' ? ['pages/login/index'] : [];

export default defineAppConfig({
  // The three tabs and the activity page live in the main package; everything else loads on demand, and the
  // resident subpackage is fetched as soon as a tab is shown (preloadRule), so its pages open at once.
  pages: ['pages/home/index', 'pages/mine/index', 'pages/me/index', 'pages/activity/index', ...localSignIn],
  subPackages: [
    // The check-in code, messages, settings, needs, feedback and the council: opened from the tabs.
    {
      root: 'packages/resident',
      pages: [
        'pages/pass/index',
        'pages/inbox/index',
        'pages/centers/index',
        'pages/profile/index',
        'pages/family/index',
        'pages/join/index',
        'pages/need/index',
        'pages/needs/index',
        'pages/rate/index',
        'pages/council/index',
        'pages/topic/index',
      ],
    },
    {
      root: 'packages/staff',
      pages: [
        'pages/center/index',
        'pages/month/index',
        'pages/edit/index',
        'pages/activity/index',
        'pages/scan/index',
        'pages/checkin/index',
        'pages/needs/index',
        'pages/feedback/index',
        'pages/summary/index',
        'pages/council/index',
        'pages/organizations/index',
      ],
    },
    {
      root: 'packages/office',
      pages: [
        'pages/street/index',
        'pages/summary/index',
        'pages/stars/index',
        'pages/council/index',
        'pages/organizations/index',
      ],
    },
    { root: 'packages/city', pages: ['pages/overview/index', 'pages/summary/index'] },
  ],
  window: {
    // Said explicitly so Taro's h5 build also shows the bar, with its back button on secondary pages.
    navigationStyle: 'default',
    navigationBarTitleText: '幸福邻里',
    navigationBarBackgroundColor: '#0a6b4a',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f3f5',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#4e5969',
    selectedColor: '#0a6b4a',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      // Outline when not chosen, filled when chosen: the current tab is told by shape, not only colour.
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的报名',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['packages/resident'] },
    'pages/mine/index': { network: 'all', packages: ['packages/resident'] },
    'pages/me/index': { network: 'all', packages: ['packages/resident'] },
  },
  lazyCodeLoading: 'requiredComponents',
});
