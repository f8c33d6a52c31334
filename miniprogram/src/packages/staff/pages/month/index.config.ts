export default definePageConfig({ navigationBarTitleText: '活动清单' });
