import type { Widen } from '../widen';

/** 设置: this desk's connection and update settings, and 导出诊断信息 for support. */
export const settingsZhCN = {
  nav: '设置',
  title: '设置',
  connection: '连接',
  serviceUrl: '订单服务地址',
  serviceHint: '公司订单服务的 https 地址，如 https://orders.example.com；留空则使用内置演示公司',
  updateUrl: '更新地址',
  updateHint: '安装包与 latest.yml 所在的 https 目录；留空则使用安装包自带的地址',
  running: '当前使用',
  sources: {
    environment: '由环境变量 ORDER_SERVICE_URL 指定',
    settings: '由本页设置',
    demo: '内置演示公司',
  },
  lockedByEnvironment: '由环境变量指定，本页设置不生效',
  noUpdateUrl: '安装包自带的地址',
  save: '保存',
  saved: '已保存',
  adminOnly: '仅管理员可以修改连接设置',
  restartNeeded: '设置已保存，重启后生效。切换到另一家公司的服务时，本机数据按服务分开保存，不会混用。',
  restart: '立即重启',
  restartBrowser: '浏览器模式请重新运行 npm run web 使设置生效',
  restarting: '正在重启…',
  diagnostics: '诊断信息',
  diagnosticsHint: '打包日志、版本与同步状态，发送给技术支持；不含密码、令牌、核销码、姓名或手机号。',
  export: '导出诊断信息',
  exported: '已导出：{fileName}',
  download: '下载',
  savedAt: '文件位置：{path}',
};

export const settingsEn: Widen<typeof settingsZhCN> = {
  nav: 'Settings',
  title: 'Settings',
  connection: 'Connection',
  serviceUrl: 'Order service address',
  serviceHint:
    "The company's order service over https, e.g. https://orders.example.com; empty: the built-in demo company",
  updateUrl: 'Update address',
  updateHint: 'The https folder holding the installers and latest.yml; empty: the address the installer came with',
  running: 'In use now',
  sources: {
    environment: 'set by the ORDER_SERVICE_URL environment variable',
    settings: 'set on this page',
    demo: 'built-in demo company',
  },
  lockedByEnvironment: 'Set by an environment variable; this page does not change it',
  noUpdateUrl: 'the address the installer came with',
  save: 'Save',
  saved: 'Saved',
  adminOnly: 'Only an admin can change the connection',
  restartNeeded:
    "Saved; it applies after a restart. A desk switched to another company's service keeps each service's data apart.",
  restart: 'Restart now',
  restartBrowser: 'In browser mode, run npm run web again to apply it',
  restarting: 'Restarting…',
  diagnostics: 'Diagnostics',
  diagnosticsHint:
    'Logs, versions and sync state in one zip for support; no passwords, tokens, redemption codes, names or phone numbers.',
  export: 'Export diagnostics',
  exported: 'Exported: {fileName}',
  download: 'Download',
  savedAt: 'Saved at {path}',
};
