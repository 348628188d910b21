/** The three things the window does; one shows at a time. The menu, a notification and settings name them too. */
export const VIEWS = ['code', 'batch', 'history'] as const;

export type View = (typeof VIEWS)[number];
