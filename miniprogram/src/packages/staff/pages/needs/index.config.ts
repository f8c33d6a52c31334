export default definePageConfig({ navigationBarTitleText: '居民需求' });
