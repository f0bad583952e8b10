/** A message provider (or a webhook receiver) refused or failed a send; the outbox decides from `retryable`. */
export class ProviderError extends Error {
  constructor(
    message: string,
    /** False when retrying cannot help (bad number, rejected sender). */
    readonly retryable = true,
  ) {
    super(message);
  }
}
