/**
 * Maps over items one at a time, for work that reads or writes inside a store unit. A unit holds a
 * single connection on PostgreSQL, which runs one statement at a time: a `Promise.all` over it
 * only queues them inside the driver (which pg 8 warns about and pg 9 refuses), so asking in turn
 * costs nothing and keeps the statements in the order the code reads.
 */
export async function inTurn<T, R>(items: readonly T[], work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const [index, item] of items.entries()) results.push(await work(item, index));
  return results;
}
