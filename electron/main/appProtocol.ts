import { protocol } from 'electron';
import { pageResponse } from '../app/desktop/appFiles';
import { APP_SCHEME } from './appPage';

/**
 * Makes app:// a standard, secure scheme (relative URLs, storage, a real origin, no mixed-content
 * warnings). Electron accepts this only before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built page from `root` on app://, each response with the page's security policy. */
export function serveAppPage(root: string, contentSecurityPolicy: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await pageResponse(root, request, contentSecurityPolicy);
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });
}
