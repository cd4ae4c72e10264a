import { App } from 'antd';
import { useCallback, useEffect } from 'react';
import type { ApiClient, ProcedureName } from '../../../shared/contract/api';
import type { Result } from '../../../shared/contract/result';
import { api } from '../../api/client';
import { useMessages } from '../../i18n';

type AdminProcedure = Extract<ProcedureName, `admin.${string}`>;
type Input<K extends AdminProcedure> = Parameters<ApiClient[K]>[0];
type Output<K extends AdminProcedure> = Awaited<ReturnType<ApiClient[K]>> extends Result<infer T> ? T : never;

/**
 * Calls an admin procedure and says what went wrong in the user's words: the service's own refusal
 * (a taken username, the last admin) when it gave one, otherwise the bridge's error. Answers the
 * value, or null after telling the user.
 */
export function useAdminCall() {
  const m = useMessages();
  const { message } = App.useApp();
  return useCallback(
    async <K extends AdminProcedure>(name: K, input: Input<K>): Promise<Output<K> | null> => {
      const call = api[name] as unknown as (input: unknown) => Promise<Result<Output<K>>>;
      const result = await call(input);
      if (result.ok) return result.value;
      const { error } = result;
      const text =
        (error.reason && m.admin.refusal[error.reason]) ??
        (error.code === 'SERVICE_UNREACHABLE' ? m.admin.unreachable : null) ??
        m.error[error.code] ??
        error.message;
      void message.error(text);
      return null;
    },
    [m, message],
  );
}

/**
 * Starts `load` when the panel opens and again whenever `load` changes (its inputs changed). Every
 * load here awaits the service before it sets state, so nothing renders twice synchronously.
 */
export function useLoadOnOpen(load: () => Promise<unknown>) {
  useEffect(() => {
    void load();
  }, [load]);
}
