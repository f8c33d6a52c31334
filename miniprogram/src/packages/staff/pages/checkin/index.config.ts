export default definePageConfig({ navigationBarTitleText: '手工签到' });
