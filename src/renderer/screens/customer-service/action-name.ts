import type { CustomerServiceAction } from '../../../shared/domain/action-availability';
import type { Messages } from '../../i18n/zh-CN';

/** A customer-service action is called by its intent's name, on its button as on its dialog. */
export const actionName = (m: Messages, action: CustomerServiceAction): string => m.exceptions.types[action] ?? action;
