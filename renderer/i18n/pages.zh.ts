import type { pagesEn } from './pages.en';

/** The Chinese words of the page path help and the app.json import. */
export const pagesZh: Record<keyof typeof pagesEn, string> = {
  pagePathHelp: '页面路径在哪里找？',
  pagePathHelpWhere:
    '小程序的 app.json 中列出了所有页面："pages" 中的每一项；以及 "subPackages" 每一项的 "root" 加斜杠再加其 "pages" 中的一项（root 为 packageA、页面为 pages/cat，即 packageA/pages/cat）。',
  pagePathHelpForm:
    '按 app.json 中的写法填写：开头不加斜杠，结尾不加 .html、.js 或 .wxml —— 写 pages/index/index，而不是 /pages/index/index.html。',
  pagePathHelpQuery:
    '页面路径后可带查询参数，页面打开时会收到，例如 pages/goods/detail?id=42。无限量小程序码的“页面”不带参数：参数请写在“场景值 scene”中。',
  pagePathHelpAsk: '不确定？请询问开发人员，或在下方导入项目的 app.json，从页面列表中选择。',
  importAppJson: '从 app.json 导入页面…',
  importedPages: '已从 {file} 导入 {count} 个页面：在输入框中输入即可选择。',
};
