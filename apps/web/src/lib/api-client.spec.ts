import { ErrorCode } from '@compact-voices/contracts';
import { errorReply, mockApi, type MockApi } from '../test/mock-api';
import { ApiError, ClientErrorCode, apiGet, buildApiUrl, isNotFoundError } from './api-client';
import { shouldRetry } from './query-client';

describe('buildApiUrl', () => {
  it('prefixes /api/v1 and leaves empty parameters out', () => {
    expect(buildApiUrl('/recommendations', { principle: 'HR', objective: 7, q: '' })).toBe(
      '/api/v1/recommendations?principle=HR&objective=7',
    );
    expect(buildApiUrl('/principles', { q: undefined, objective: null })).toBe('/api/v1/principles');
  });

  it('encodes query values', () => {
    expect(buildApiUrl('/recommendations', { q: 'fees & costs' })).toBe('/api/v1/recommendations?q=fees+%26+costs');
  });
});

describe('apiGet', () => {
  let api: MockApi | undefined;
  afterEach(() => api?.restore());

  async function rejection(promise: Promise<unknown>): Promise<ApiError> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
    throw new Error('expected the call to fail');
  }

  it('resolves with the parsed JSON body', async () => {
    api = mockApi({ '/api/v1/principles': { body: { items: [{ code: 'PC' }] } } });
    await expect(apiGet('/principles')).resolves.toEqual({ items: [{ code: 'PC' }] });
    expect(api.requests).toEqual(['/api/v1/principles']);
  });

  it('turns an ErrorBody into an ApiError with its stable code, status, message and details', async () => {
    api = mockApi({
      '/api/v1/recommendations/XX-1': {
        status: 404,
        body: {
          statusCode: 404,
          code: ErrorCode.RECOMMENDATION_NOT_FOUND,
          message: 'No recommendation XX-1',
          details: [{ field: 'code', reason: 'unknown', message: 'unknown code' }],
          requestId: 'req-1',
        },
      },
    });
    const error = await rejection(apiGet('/recommendations/XX-1'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('RECOMMENDATION_NOT_FOUND');
    expect(error.status).toBe(404);
    expect(error.message).toBe('No recommendation XX-1');
    expect(error.details).toEqual([{ field: 'code', reason: 'unknown', message: 'unknown code' }]);
    expect(error.requestId).toBe('req-1');
    expect(isNotFoundError(error)).toBe(true);
  });

  it('keeps a validation error as a non-retryable 400', async () => {
    api = mockApi({ '/api/v1/recommendations?q=x': errorReply(400, ErrorCode.VALIDATION_FAILED) });
    const error = await rejection(apiGet('/recommendations', { params: { q: 'x' } }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(isNotFoundError(error)).toBe(false);
    expect(shouldRetry(0, error)).toBe(false);
  });

  it('derives a code from the status when the error body is not an ErrorBody', async () => {
    api = mockApi({ '/api/v1/objectives': { status: 502, text: '<html>Bad gateway</html>' } });
    const error = await rejection(apiGet('/objectives'));
    expect(error.status).toBe(502);
    expect(error.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(shouldRetry(0, error)).toBe(true);
  });

  it('reports a network failure as NETWORK_ERROR with status 0, which is retried', async () => {
    const original = globalThis.fetch;
    globalThis.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    try {
      const error = await rejection(apiGet('/principles'));
      expect(error.code).toBe(ClientErrorCode.NETWORK_ERROR);
      expect(error.status).toBe(0);
      expect(shouldRetry(1, error)).toBe(true);
      expect(shouldRetry(3, error)).toBe(false);
    } finally {
      globalThis.fetch = original;
    }
  });

  it('rethrows an abort untouched so a cancelled query is not reported as an error', async () => {
    const original = globalThis.fetch;
    const controller = new AbortController();
    const abort = new DOMException('Aborted', 'AbortError');
    globalThis.fetch = (() => {
      controller.abort();
      return Promise.reject(abort);
    }) as typeof fetch;
    try {
      await expect(apiGet('/principles', { signal: controller.signal })).rejects.toBe(abort);
    } finally {
      globalThis.fetch = original;
    }
  });

  it('rejects a 200 whose body is not JSON', async () => {
    api = mockApi({ '/api/v1/principles': { status: 200, text: '<!doctype html><title>SPA fallback</title>' } });
    const error = await rejection(apiGet('/principles'));
    expect(error.code).toBe(ClientErrorCode.INVALID_RESPONSE);
  });
});
