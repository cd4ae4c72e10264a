/**
 * Date inputs speak "YYYY-MM-DD" in the user's own zone (the browser's); the filter speaks
 * UTC epoch ms. A day runs from its local midnight to the last millisecond before the next.
 */
const parts = (day: string): [number, number, number] => {
  const [y, m, d] = day.split('-').map(Number);
  return [y ?? 1970, (m ?? 1) - 1, d ?? 1];
};
export const dayStart = (day: string): number => new Date(...parts(day)).getTime();
export const dayEnd = (day: string): number => {
  const [y, m, d] = parts(day);
  return new Date(y, m, d + 1).getTime() - 1;
};
export const dayOf = (epochMs: number): string => {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};
