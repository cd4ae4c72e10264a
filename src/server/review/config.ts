import { reviewConfig } from '../../shared/contract/review';
import { NO_REVIEW, type ReviewConfig } from '../../shared/domain/review';
import type { Tx } from '../storage/repositories';

const KEY = 'review.rules';

/** The admin's rules, as last saved; none are on until an admin turns them on. */
export async function readReviewConfig(tx: Tx): Promise<ReviewConfig> {
  const text = await tx.settings.get(KEY);
  if (text === null) return NO_REVIEW;
  const parsed = reviewConfig.safeParse(JSON.parse(text));
  // Saved through the same schema, so a row that no longer parses was written by a newer service.
  return parsed.success ? parsed.data : NO_REVIEW;
}

export async function writeReviewConfig(tx: Tx, config: ReviewConfig): Promise<void> {
  await tx.settings.set(KEY, JSON.stringify(config));
}
