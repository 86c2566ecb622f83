/** Stable codes for input the scoring functions refuse; the API maps every one to BAD_USER_INPUT. */
export type ScoringInputErrorCode =
  | 'WRONG_ITEM_COUNT'
  | 'OUT_OF_RANGE'
  | 'OFF_STEP'
  | 'NOT_A_NUMBER'
  | 'INVALID_DATE'
  | 'INVALID_WEIGHT';

/** Thrown when values handed to a scoring function break the instrument's rules. */
export class ScoringInputError extends Error {
  override readonly name = 'ScoringInputError';

  /**
   * @param code stable machine-readable reason
   * @param message a sentence a person can act on, naming the item where there is one
   * @param itemKey the instrument item the problem is about, when there is one
   */
  constructor(
    readonly code: ScoringInputErrorCode,
    message: string,
    readonly itemKey?: string,
  ) {
    super(message);
  }
}
