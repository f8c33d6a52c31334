export default definePageConfig({ navigationBarTitleText: '幸福邻里' });
