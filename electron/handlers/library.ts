import type { Services } from '../app/services';
import type { HandlerTable } from '../main/ipc';

type LibraryHandlers = Pick<
  HandlerTable,
  | 'library:list'
  | 'library:image'
  | 'library:delete'
  | 'library:deleteMany'
  | 'library:campaigns'
  | 'library:export'
  | 'library:printSheet'
>;

export function libraryHandlers({
  libraryService: library,
  libraryExports,
  historySheet,
}: Services): LibraryHandlers {
  return {
    'library:list': (page) => library.page(page),
    'library:image': ({ codeId }) => library.image(codeId),
    'library:delete': async ({ codeId }) => {
      await library.delete(codeId);
      return { deleted: true };
    },
    'library:deleteMany': async ({ codeIds }) => ({ deleted: await library.deleteMany(codeIds) }),
    'library:campaigns': async () => library.campaigns(),
    'library:export': (choice) => libraryExports.export(choice),
    'library:printSheet': (choice) => historySheet.save(choice),
  };
}
