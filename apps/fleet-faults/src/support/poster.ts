import { randomUUID } from 'node:crypto';
import { call } from './fault-fleet.js';

/**
 * Posts a comment the way a careful client does: one Idempotency-Key per comment, and on anything
 * but 2xx (a dropped connection, a 502/503 from the proxy, 409 while the first attempt is in
 * progress) the same request again until it is acknowledged. Resolves with the comment's id.
 */
export async function postUntilAcknowledged(
  base: string,
  thread: { consultationId: string; recommendationCode: string },
  token: string,
  text: string,
  timeoutMs = 60_000,
): Promise<{ id: string; attempts: number }> {
  const key = randomUUID();
  const deadline = Date.now() + timeoutMs;
  for (let attempts = 1; ; attempts++) {
    const result = await call(
      base,
      'POST',
      `/api/v1/consultations/${thread.consultationId}/recommendations/${thread.recommendationCode}/comments`,
      {
        token,
        body: { body: text },
        headers: { 'idempotency-key': key },
        timeoutMs: 15_000,
      },
    );
    if (result.status >= 200 && result.status < 300) return { id: result.body?.id as string, attempts };
    if (Date.now() > deadline)
      throw new Error(
        `comment not acknowledged after ${attempts} attempts: ${result.status} ${result.error ?? JSON.stringify(result.body)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
