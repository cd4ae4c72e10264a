import type { z } from 'zod';
import { intentEnvelope, intentPayloads } from '../../shared/contract/sync';

/**
 * Field paths and reasons of a malformed intent, so a client can point at the field: the payload's
 * own paths ("lines.0.quantity") when the envelope was fine, the envelope's otherwise.
 */
export function invalidFields(raw: unknown): { fieldErrors: Record<string, string>; message: string } {
  const envelope = intentEnvelope.safeParse(raw);
  const error: z.ZodError | undefined = envelope.success
    ? intentPayloads[envelope.data.type].safeParse(envelope.data.payload).error
    : envelope.error;
  const fieldErrors: Record<string, string> = {};
  const messages: string[] = [];
  for (const issue of error?.issues ?? []) {
    const base = issue.path.map(String);
    const paths =
      issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...base, key].join('.')) : [base.join('.')];
    for (const path of paths) {
      fieldErrors[path || (envelope.success ? 'payload' : '(intent)')] = issue.code.toUpperCase();
      messages.push(`${path || 'intent'}: ${issue.message}`);
    }
  }
  return { fieldErrors, message: messages.join('; ') || 'The intent is not valid' };
}
