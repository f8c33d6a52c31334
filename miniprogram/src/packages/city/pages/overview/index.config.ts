export default definePageConfig({ navigationBarTitleText: '全市概览' });
