export default definePageConfig({ navigationBarTitleText: '街道汇总' });
