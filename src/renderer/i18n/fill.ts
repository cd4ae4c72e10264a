/**
 * Fills `{name}` placeholders; unknown names stay visible so a missing value is noticed. English
 * counts choose their word with `{name:one|other}` ("{n} {n:order|orders}"): 1 order, 2 orders.
 */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!(name in values)) return whole;
    if (one === undefined || other === undefined) return String(values[name]);
    return Number(values[name]) === 1 ? one : other;
  });
