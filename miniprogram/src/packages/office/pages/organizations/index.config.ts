export default definePageConfig({ navigationBarTitleText: '街道社区组织' });
