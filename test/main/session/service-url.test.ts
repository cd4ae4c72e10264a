import { describe, expect, it } from 'vitest';
import { checkServiceUrl } from '../../../src/main/session/service-url';

describe('the order service a desk will talk to', () => {
  it('must be https, or http on this machine only: passwords and tokens never cross a network in clear', () => {
    expect(checkServiceUrl('https://orders.example.com')).toBe('https://orders.example.com/');
    for (const local of ['http://127.0.0.1:4610', 'http://localhost:4610/', 'http://[::1]:4610', 'http://127.8.0.1']) {
      expect(checkServiceUrl(local), local).toMatch(/^http:/);
    }
    for (const remote of ['http://orders.example.com', 'http://192.168.1.20:4610', 'http://127.0.0.1.nip.io']) {
      expect(() => checkServiceUrl(remote), remote).toThrow(/https/);
    }
  });

  it('takes http to another machine only when told to, for a lab network', () => {
    expect(checkServiceUrl('http://192.168.1.20:4610', { allowInsecure: true })).toBe('http://192.168.1.20:4610/');
  });

  it('refuses what is not a web address at all', () => {
    for (const bad of ['orders.example.com', 'ftp://orders.example.com', 'javascript:alert(1)', '']) {
      expect(() => checkServiceUrl(bad), bad).toThrow();
    }
    expect(() => checkServiceUrl('https://user:secret@orders.example.com')).toThrow(/password/);
  });
});
