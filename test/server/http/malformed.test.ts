import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawGet, rawRequest } from '../../support/raw-http';
import { startTestService, type TestService } from '../../support/service';

describe('a request too broken to route still gets a refusal in the documented shape', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ demoOrders: 10 });
  });
  afterAll(() => service.close());

  const shaped = (body: string, code: string) => {
    const parsed = JSON.parse(body) as { error: { code: string; message: string } };
    expect(parsed).toEqual({ error: { code, message: expect.any(String) } });
  };

  it('answers headers over the size limit with 431 and {error:{code,message}}', async () => {
    const answer = await rawGet(service.url, '/v1/health', `X-Padding: ${'x'.repeat(40_000)}\r\n`);
    expect(answer.status).toBe(431);
    expect(answer.headers).toMatch(/content-type: application\/json/i);
    shaped(answer.body, 'HEADERS_TOO_LARGE');
  });

  it('answers a path with a broken percent escape with 400, not a crash', async () => {
    for (const path of ['/%E0%A4%A', '/v1/orders/%E0%A4%A']) {
      const answer = await rawGet(service.url, path);
      expect(answer.status, path).toBe(400);
      shaped(answer.body, 'BAD_REQUEST');
    }
  });

  it('answers a garbage request line with 400 and the shape', async () => {
    const answer = await rawRequest(service.url, 'HELLO THERE\r\n\r\n');
    expect(answer.status).toBe(400);
    shaped(answer.body, 'BAD_REQUEST');
  });
});
