// 随机抽查: the bureau's branding and Chinese as the default language of the Camunda admin.
// This module replaces the webjar's config.js whole, so everything the app needs from it is here.
export default {
  app: {
    name: '系统管理',
    vendor: '随机抽查'
  },
  // Chinese whatever language the browser asks for: a bureau's staff read the platform in Chinese.
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 HH:mm:ss'
  },
  disableWelcomeMessage: true
};
