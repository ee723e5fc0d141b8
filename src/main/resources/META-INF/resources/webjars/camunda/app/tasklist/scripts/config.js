// 随机抽查: the bureau's branding and Chinese as the default language of the Camunda tasklist.
// This module replaces the webjar's config.js whole, so everything the app needs from it is here.
export default {
  app: {
    name: '任务列表',
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
  disableWelcomeMessage: true,
  // Puts form-js's own English words (placeholder, validation messages, date picker) into Chinese.
  customScripts: ['scripts/forms-in-chinese'],
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: '认领当前选中的任务'},
    focusFilter: {key: 'ctrl+shift+f', description: '聚焦到第一个过滤器'},
    focusList: {key: 'ctrl+alt+l', description: '聚焦到任务列表中的第一个任务'},
    focusForm: {key: 'ctrl+alt+f', description: '聚焦到任务表单的第一个输入框'},
    startProcess: {key: 'ctrl+alt+p', description: '打开发起流程对话框'}
  }
};
