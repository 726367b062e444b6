/**
 * Why something could not be added, said so that the person who asked can act on it. Nothing
 * is written when one is thrown.
 */
export class IngestRefusal extends Error {
  /**
   * True when trying again later may work (a time-out, a server error, a network failure);
   * false when the same input will be refused again (an unsafe address, a page that is not an
   * article, an unsupported kind of file).
   */
  readonly retryable: boolean;

  constructor(message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'IngestRefusal';
    this.retryable = options.retryable ?? false;
  }
}
