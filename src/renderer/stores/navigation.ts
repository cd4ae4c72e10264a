import { create } from 'zustand';

/** A screen's id in the navigation registry (src/renderer/app/screens.tsx). */
export type ScreenName = string;

interface NavigationState {
  /** The screen a user chose; remembered with the user so a new sign-in lands on its own main screen. */
  screen: { user: string; name: ScreenName } | null;
  /** The order whose detail is open over the current screen (by a click, Enter, or a scanned number). */
  openedOrderNo: string | null;
  show(user: string, name: ScreenName): void;
  openOrder(orderNo: string): void;
  closeOrder(): void;
  reset(): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  screen: null,
  openedOrderNo: null,
  show: (user, name) => set({ screen: { user, name } }),
  openOrder: (orderNo) => set({ openedOrderNo: orderNo }),
  closeOrder: () => set({ openedOrderNo: null }),
  reset: () => set({ screen: null, openedOrderNo: null }),
}));
