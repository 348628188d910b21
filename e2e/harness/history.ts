import type { Page } from '@playwright/test';

/** The History view's controls, found by role and accessible name as a user finds them. */
export function historyView(page: Page) {
  const list = page.getByRole('listbox', { name: 'Codes' });
  return {
    tab: page.getByRole('tab', { name: 'History' }),
    formTab: page.getByRole('tab', { name: 'Make a code' }),
    search: page.getByRole('searchbox', { name: 'Search codes' }),
    accountFilter: page.getByRole('combobox', { name: 'Filter by account' }),
    kindFilter: page.getByRole('combobox', { name: 'Filter by code type' }),
    list,
    codes: list.getByRole('option'),
    code: (name: string) => list.getByRole('option', { name, exact: true }),
    preview: (target: string) =>
      page.getByRole('img', { name: `Generated code for ${target}.`, exact: false }),
    saveButton: page.getByRole('button', { name: 'Save as…' }),
    copyButton: page.getByRole('button', { name: 'Copy image' }),
    openInForm: page.getByRole('button', { name: 'Open in form' }),
    deleteButton: page.getByRole('button', { name: 'Delete…' }),
    confirmDelete: page.getByRole('button', { name: 'Delete', exact: true }),
    cancelDelete: page.getByRole('button', { name: 'Cancel' }),
  };
}
