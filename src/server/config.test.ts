import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const base = { DATA_DIR: '/tmp/wasl-config-test', PORT: '0' };

describe('PUBLIC_URL in production', () => {
  it('refuses to start while PUBLIC_URL is unset or points to this machine', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/PUBLIC_URL/);
    for (const url of ['http://localhost:3000', 'https://127.0.0.1', 'http://[::1]:8080', 'https://app.localhost']) {
      expect(() => loadConfig({ ...base, NODE_ENV: 'production', PUBLIC_URL: url }), url).toThrow(/PUBLIC_URL/);
    }
  });

  it('starts with a public address, and survey links use it without a trailing slash', () => {
    const config = loadConfig({ ...base, NODE_ENV: 'production', PUBLIC_URL: 'https://wasl.example.org/' });
    expect(config.publicUrl).toBe('https://wasl.example.org');
  });

  it('development keeps the local default', () => {
    expect(loadConfig({ ...base, NODE_ENV: 'development' }).publicUrl).toBe('http://localhost:3000');
  });
});
