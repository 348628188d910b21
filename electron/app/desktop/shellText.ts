import type { Lang } from '../../../shared/language';
import { fillPlaceholders } from '../../../shared/placeholders';

/**
 * What the desktop shell says (menu, taskbar notifications, update and About dialogs), in both of
 * the app's languages. The page has its own dictionary (renderer/i18n); these texts are shown by
 * the main process, which has no page to ask.
 */
const TEXT = {
  appMenu: { en: 'WxaCode Studio', zh: 'WxaCode Studio' },
  file: { en: 'File', zh: '文件' },
  edit: { en: 'Edit', zh: '编辑' },
  view: { en: 'View', zh: '视图' },
  window: { en: 'Window', zh: '窗口' },
  help: { en: 'Help', zh: '帮助' },
  about: { en: 'About WxaCode Studio', zh: '关于 WxaCode Studio' },
  checkForUpdates: { en: 'Check for Updates…', zh: '检查更新…' },
  restartToUpdate: { en: 'Restart to Update to {version}', zh: '重启以更新到 {version}' },
  services: { en: 'Services', zh: '服务' },
  hide: { en: 'Hide WxaCode Studio', zh: '隐藏 WxaCode Studio' },
  hideOthers: { en: 'Hide Others', zh: '隐藏其他' },
  unhide: { en: 'Show All', zh: '全部显示' },
  quit: { en: 'Quit WxaCode Studio', zh: '退出 WxaCode Studio' },
  exit: { en: 'Exit', zh: '退出' },
  close: { en: 'Close Window', zh: '关闭窗口' },
  undo: { en: 'Undo', zh: '撤销' },
  redo: { en: 'Redo', zh: '重做' },
  cut: { en: 'Cut', zh: '剪切' },
  copy: { en: 'Copy', zh: '复制' },
  paste: { en: 'Paste', zh: '粘贴' },
  pasteAndMatchStyle: { en: 'Paste and Match Style', zh: '粘贴并匹配样式' },
  delete: { en: 'Delete', zh: '删除' },
  selectAll: { en: 'Select All', zh: '全选' },
  showCode: { en: 'Make a Code', zh: '生成单个码' },
  showBatch: { en: 'Batch', zh: '批量生成' },
  showHistory: { en: 'History', zh: '历史记录' },
  reload: { en: 'Reload', zh: '重新加载' },
  toggleDevTools: { en: 'Developer Tools', zh: '开发者工具' },
  resetZoom: { en: 'Actual Size', zh: '实际大小' },
  zoomIn: { en: 'Zoom In', zh: '放大' },
  zoomOut: { en: 'Zoom Out', zh: '缩小' },
  fullScreen: { en: 'Toggle Full Screen', zh: '切换全屏' },
  minimize: { en: 'Minimize', zh: '最小化' },
  zoom: { en: 'Zoom', zh: '缩放' },
  front: { en: 'Bring All to Front', zh: '全部置于顶层' },
  wechatDocs: { en: 'WeChat Docs: Mini Program Codes', zh: '微信文档：小程序码' },
  openLogFolder: { en: 'Open Log Folder', zh: '打开日志文件夹' },
  aboutDetail: {
    en: 'Version {version}\nElectron {electron}\nChromium {chrome}\nNode.js {node}',
    zh: '版本 {version}\nElectron {electron}\nChromium {chrome}\nNode.js {node}',
  },
  ok: { en: 'OK', zh: '好' },
  batchFinishedTitle: { en: 'Batch finished', zh: '批量生成已完成' },
  batchFinishedBody: {
    en: '{done} codes made from {file}.',
    zh: '已根据 {file} 生成 {done} 个码。',
  },
  batchStoppedTitle: { en: 'Batch stopped on an error', zh: '批量生成因错误停止' },
  batchStoppedBody: {
    en: '{reason} Continue it from “Unfinished batches” once fixed.',
    zh: '{reason}解决后可在“未完成的批次”中继续。',
  },
  batchAttentionTitle: { en: 'Batch needs your attention', zh: '批量生成需要处理' },
  batchAttentionBody: {
    en: '{failed} of {total} rows failed in {file}; see the list of problem rows.',
    zh: '{file} 中 {failed}/{total} 行失败，请查看问题行列表。',
  },
  batchOutputBody: {
    en: 'The codes are made, but the results file or ZIP could not be written: {reason}',
    zh: '码已生成，但结果文件或 ZIP 未能写入：{reason}',
  },
  updateUpToDate: { en: 'WxaCode Studio is up to date', zh: 'WxaCode Studio 已是最新版本' },
  updateUpToDateDetail: { en: 'Version {version} is the newest.', zh: '版本 {version} 已是最新。' },
  updateFailed: { en: 'Could not check for updates', zh: '无法检查更新' },
  updateReadyTitle: { en: 'Update ready', zh: '更新已就绪' },
  updateReadyDetail: {
    en: 'Version {version} has been downloaded. Restart WxaCode Studio to use it.',
    zh: '版本 {version} 已下载。重启 WxaCode Studio 即可使用。',
  },
  updateWaitsForBatch: {
    en: 'A batch is running; the update is installed once it ends.',
    zh: '有批量任务正在运行，将在其结束后安装更新。',
  },
  restartNow: { en: 'Restart Now', zh: '立即重启' },
  later: { en: 'Later', zh: '稍后' },
} as const;

export type ShellTextKey = keyof typeof TEXT;

/** A text in `lang`, with `{name}` placeholders filled in. */
export function shellText(
  lang: Lang,
  key: ShellTextKey,
  params: Record<string, string | number> = {},
): string {
  return fillPlaceholders(TEXT[key][lang], params);
}
