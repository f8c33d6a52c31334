export default definePageConfig({ navigationBarTitleText: '本中心数据' });
