export default definePageConfig({ navigationBarTitleText: '全市数据' });
