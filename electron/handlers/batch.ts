import type { Services } from '../app/services';
import type { HandlerTable } from '../main/ipc';

type BatchHandlers = Pick<HandlerTable, Extract<keyof HandlerTable, `batch:${string}`>>;

export function batchHandlers({ batches }: Services): BatchHandlers {
  return {
    'batch:open': () => batches.open(),
    'batch:openDropped': ({ name, bytes }) => batches.openDropped(name, bytes),
    'batch:plan': ({ sheetId, accountId, ...choice }) => batches.plan(sheetId, accountId, choice),
    'batch:names': async ({ planId, nameTemplate }) => ({
      exampleNames: batches.names(planId, nameTemplate),
    }),
    'batch:sample': ({ planId, nameTemplate, print }) => batches.sample(planId, nameTemplate, print),
    'batch:chooseFolder': () => batches.chooseFolder(),
    'batch:chooseLogo': () => batches.chooseLogo(),
    'batch:start': (choice) => batches.start(choice),
    'batch:pause': async ({ jobId }) => batches.pause(jobId),
    'batch:resume': async ({ jobId }) => batches.resume(jobId),
    'batch:cancel': async ({ jobId }) => batches.cancel(jobId),
    'batch:status': async () => batches.status(),
    'batch:unfinished': () => batches.unfinished(),
    'batch:continue': ({ batchId }) => batches.continue(batchId),
    'batch:discard': async ({ batchId }) => {
      await batches.discard(batchId);
      return { discarded: true };
    },
    'batch:showOutput': async ({ jobId }) => {
      batches.showOutput(jobId);
      return { shown: true };
    },
  };
}
