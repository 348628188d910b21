import type { LibraryDatabase, Statement } from './libraryDatabase';

/**
 * The statement for a piece of SQL, prepared once per connection and reused after: preparing costs
 * more than running the small statements the library's tables run thousands of times.
 */
export function preparedStatements(db: LibraryDatabase): (sql: string) => Statement {
  const statements = new Map<string, Statement>();
  return (sql) => {
    let prepared = statements.get(sql);
    if (!prepared) {
      prepared = db.prepare(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  };
}
