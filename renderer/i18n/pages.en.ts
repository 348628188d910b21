/** The English words of the page path help and the app.json import. */
export const pagesEn = {
  pagePathHelp: 'Where do I find page paths?',
  pagePathHelpWhere:
    'Your mini program’s app.json lists them: every entry of "pages", and for each entry of "subPackages" its "root", a slash, then one of its "pages" (root packageA with page pages/cat is packageA/pages/cat).',
  pagePathHelpForm:
    'Write the path as app.json does: no leading slash and no .html, .js or .wxml at the end — pages/index/index, not /pages/index/index.html.',
  pagePathHelpQuery:
    'A Page path may end in a query that the page receives, such as pages/goods/detail?id=42. An unlimited code’s Page takes none: its values go in Scene.',
  pagePathHelpAsk:
    'Not sure? Ask your developers, or import the project’s app.json below to pick from its pages.',
  importAppJson: 'Import pages from app.json…',
  importedPages: '{count} pages from {file}: type in the field to pick one.',
} as const;
