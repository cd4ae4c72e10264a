export type SqlParam = string | number | null;

/** A piece of a WHERE clause with its bound parameters, in order. */
export interface Clause {
  sql: string;
  params: SqlParam[];
}

export const and = (clauses: ReadonlyArray<Clause | null>): Clause => {
  const present = clauses.filter((c): c is Clause => c !== null);
  return {
    sql: present.length ? present.map((c) => c.sql).join(' AND ') : '1',
    params: present.flatMap((c) => c.params),
  };
};
