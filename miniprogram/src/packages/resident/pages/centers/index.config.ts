export default definePageConfig({ navigationBarTitleText: '选择邻里中心' });
