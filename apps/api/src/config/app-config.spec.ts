import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database under ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.kind).toBe('embedded');
    expect(config.database.kind === 'embedded' && config.database.dataDir).toMatch(/data\/pglite$/);
    expect(config.corsOrigins).toEqual([]);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/cv', DATABASE_POOL_SIZE: '7' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/cv', poolSize: 7, statementTimeoutMs: 15_000 });
  });

  it('runs migrations as DATABASE_OWNER_URL when set, and the app as DATABASE_URL', () => {
    const owner = 'postgres://compact_voices@localhost/compact_voices?host=/var/run/postgresql';
    const config = loadConfig({ DATABASE_URL: 'postgres://app:pw@db:5432/cv', DATABASE_OWNER_URL: owner });
    expect(config.database).toMatchObject({ kind: 'postgres', url: 'postgres://app:pw@db:5432/cv', ownerUrl: owner });
    expect(loadConfig({ DATABASE_URL: 'postgres://app:pw@db:5432/cv' }).database).not.toHaveProperty('ownerUrl');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.kind).toBe('embedded');
  });

  it('parses CORS origins as a list', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ CORS_ORIGINS: 'evil' }, 'CORS_ORIGINS'],
    [{ BODY_LIMIT: 'lots' }, 'BODY_LIMIT'],
    [{ SERVE_WEB: 'yes' }, 'SERVE_WEB'],
    [{ REDIS_URL: 'http://cache:6379' }, 'REDIS_URL'],
    [{ SIGNUPS_PER_MAILBOX_PER_DAY: '0' }, 'SIGNUPS_PER_MAILBOX_PER_DAY'],
    [{ SIGNUPS_PER_ADDRESS_PER_HOUR: 'many' }, 'SIGNUPS_PER_ADDRESS_PER_HOUR'],
    [{ DATABASE_OWNER_URL: 'postgres://owner@db/cv' }, 'DATABASE_OWNER_URL'],
    [{ DATABASE_URL: 'postgres://app@db/cv', DATABASE_OWNER_URL: 'mysql://owner@db/cv' }, 'DATABASE_OWNER_URL'],
  ])('stops with one line naming the variable for %p', (env, name) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${name} `));
    expect(message).not.toContain('\n');
  });

  it('never echoes a secret-bearing value in its error', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:hunter2@db/x' })).toThrow(/^(?!.*hunter2)/);
  });
});
