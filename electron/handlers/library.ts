import type { Services } from '../app/services';
import type { HandlerTable } from '../main/ipc';

type LibraryHandlers = Pick<HandlerTable, 'library:list' | 'library:image' | 'library:delete'>;

export function libraryHandlers({ libraryService: library }: Services): LibraryHandlers {
  return {
    'library:list': (page) => library.page(page),
    'library:image': ({ codeId }) => library.image(codeId),
    'library:delete': async ({ codeId }) => {
      await library.delete(codeId);
      return { deleted: true };
    },
  };
}
