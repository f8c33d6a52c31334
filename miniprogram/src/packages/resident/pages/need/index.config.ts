export default definePageConfig({ navigationBarTitleText: '说说您的需求' });
