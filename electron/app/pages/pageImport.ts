import type { AppJsonPages } from '../../../shared/ipc/channels';
import { readAppJsonPages } from '../../core/pages/appJson';
import type { PageLists } from '../../core/storage/pageLists';
import type { AccountService } from '../accounts/accountService';
import type { Desktop } from '../desktop/desktop';

/**
 * The page paths of an account's mini program, from the app.json the user picks in main's open
 * dialog (the page names no file), kept per account for the page path suggestions.
 */
export class PageImport {
  constructor(
    private readonly app: { desktop: Desktop; pageLists: PageLists; accountService: AccountService },
  ) {}

  /** The pages of the chosen app.json, now the account's list; null when the user cancels. */
  async open(accountId: string): Promise<AppJsonPages | null> {
    // An account removed meanwhile gets its error before any dialog opens.
    await this.app.accountService.byId(accountId);
    const file = await this.app.desktop.chooseAppJson();
    if (file === undefined) return null;
    const pages = await readAppJsonPages(file);
    await this.app.pageLists.keep(accountId, pages);
    return pages;
  }

  /** The account's list from its last import, in this session or an earlier one. */
  async kept(accountId: string): Promise<AppJsonPages | null> {
    return (await this.app.pageLists.get(accountId)) ?? null;
  }
}
