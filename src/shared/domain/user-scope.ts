import type { DataScope, Role } from './vocabulary';

/** The places a new or edited account names, as an admin picks them. */
export interface ScopeChoice {
  warehouseIds?: readonly string[];
  storeIds?: readonly string[];
  dealerIds?: readonly string[];
  shopIds?: readonly string[];
}

type ScopeList = keyof ScopeChoice;

interface RoleScopeRule {
  /** Sees every order: no list may be given. */
  unscoped?: true;
  /** The list this role cannot work without. */
  needs?: ScopeList;
  /** Lists this role may carry at all. */
  allows: readonly ScopeList[];
  /** No list given means every order of its kind (an integration account for every shop). */
  emptyMeansAll?: true;
}

const DESK_LISTS = ['warehouseIds', 'storeIds', 'dealerIds'] as const;

/**
 * Which scope each role gets. A desk role needs its own places and may also hold the other desk
 * lists (a small merchant's one person is both warehouse desk and dealer); supervisors and admins
 * see everything; an integration account is scoped by shops, none named meaning every shop.
 */
export const ROLE_SCOPE_RULES: Readonly<Record<Role, RoleScopeRule>> = {
  admin: { unscoped: true, allows: [] },
  service: { unscoped: true, allows: [] },
  warehouse: { needs: 'warehouseIds', allows: DESK_LISTS },
  clerk: { needs: 'storeIds', allows: DESK_LISTS },
  dealer: { needs: 'dealerIds', allows: DESK_LISTS },
  integration: { allows: ['shopIds'], emptyMeansAll: true },
};

export type ScopeRefusal = { code: 'SCOPE_REQUIRED' | 'SCOPE_NOT_FOR_ROLE'; list: ScopeList };

const listOf = (choice: ScopeChoice, list: ScopeList): string[] => [...new Set(choice[list] ?? [])];

/** The scope a role gets from the places chosen, or why that choice does not fit the role. */
export function scopeForRole(
  role: Role,
  choice: ScopeChoice,
): { ok: true; scope: DataScope } | ({ ok: false } & ScopeRefusal) {
  const rule = ROLE_SCOPE_RULES[role];
  const given = (['warehouseIds', 'storeIds', 'dealerIds', 'shopIds'] as const).filter(
    (list) => listOf(choice, list).length > 0,
  );
  const foreign = given.find((list) => !rule.allows.includes(list));
  if (foreign) return { ok: false, code: 'SCOPE_NOT_FOR_ROLE', list: foreign };
  if (rule.needs && listOf(choice, rule.needs).length === 0)
    return { ok: false, code: 'SCOPE_REQUIRED', list: rule.needs };
  const all = rule.unscoped === true || (rule.emptyMeansAll === true && given.length === 0);
  return {
    ok: true,
    scope: {
      all,
      warehouseIds: listOf(choice, 'warehouseIds'),
      storeIds: listOf(choice, 'storeIds'),
      dealerIds: listOf(choice, 'dealerIds'),
      ...(rule.allows.includes('shopIds') ? { shopIds: listOf(choice, 'shopIds') } : {}),
    },
  };
}
