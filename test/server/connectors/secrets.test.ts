import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecretKey, seal, SecretKeyError, unseal } from '../../../src/server/connectors/secrets';

describe('shop credentials at rest', () => {
  it('seals so that the text holds no trace of the secret and only the same key opens it', () => {
    const key = randomBytes(32);
    const sealed = seal(key, '{"appSecret":"s3cr3t","session":"6102a8"}');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('s3cr3t');
    expect(seal(key, 'same')).not.toBe(seal(key, 'same'));
    expect(unseal(key, sealed)).toBe('{"appSecret":"s3cr3t","session":"6102a8"}');
    expect(unseal(randomBytes(32), sealed)).toBeNull();
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(unseal(key, tampered)).toBeNull();
    expect(unseal(key, 'plain text')).toBeNull();
  });

  it('takes the key from the variable, a key file, or makes one in the data folder readable by its owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secret-'));
    const hex = randomBytes(32).toString('hex');
    expect(loadSecretKey({ env: hex, dataDir: dir })).toEqual({ key: Buffer.from(hex, 'hex'), from: 'env' });
    const file = join(dir, 'given.key');
    writeFileSync(file, randomBytes(32).toString('base64'));
    expect(loadSecretKey({ keyFile: file, dataDir: dir }).from).toBe('file');
    const made = loadSecretKey({ dataDir: dir });
    expect(made.from).toBe('data');
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({ dataDir: dir }).key.equals(made.key)).toBe(true);
    expect(() => loadSecretKey({ env: 'too-short', dataDir: dir })).toThrow(SecretKeyError);
  });
});
