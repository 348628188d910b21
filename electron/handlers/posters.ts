import type { Services } from '../app/services';
import type { HandlerTable } from '../main/ipc';

type PosterHandlers = Pick<
  HandlerTable,
  | 'posters:list'
  | 'posters:chooseBackground'
  | 'posters:import'
  | 'posters:open'
  | 'posters:preview'
  | 'posters:save'
  | 'posters:remove'
>;

export function posterHandlers({ posterService: posters }: Services): PosterHandlers {
  return {
    'posters:list': () => posters.list(),
    'posters:chooseBackground': () => posters.chooseBackground(),
    'posters:import': () => posters.importTemplate(),
    'posters:open': ({ posterId }) => posters.open(posterId),
    'posters:preview': ({ draft }) => posters.preview(draft),
    'posters:save': ({ posterId, draft }) => posters.save(posterId, draft),
    'posters:remove': async ({ posterId }) => {
      await posters.remove(posterId);
      return { removed: true };
    },
  };
}
