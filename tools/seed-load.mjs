// Realistic volume for benchmarks and manual testing: participants across stakeholder types and
// countries, one open round over every recommendation, 100k comments (a fifth of them replies) and
// about 1M ratings. Runs against DATABASE_URL (PostgreSQL; migrate first by starting the app once).
//   DATABASE_URL=postgres://… npm run seed:load [-- --users 1000 --comments 100000]
// Seeded people sign in as load-<n>@load.test with the password "load test passphrase"; their
// accounts are a month old, so their ratings count, and the cells' releases are made at the end.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '1000' },
    comments: { type: 'string', default: '100000' },
    countries: { type: 'string', default: '32' },
  },
});
const users = Number(values.users);
const comments = Number(values.comments);
const countries = Number(values.countries);
if (!process.env.DATABASE_URL) {
  process.stderr.write('Set DATABASE_URL to the PostgreSQL to fill.\n');
  process.exit(2);
}
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const started = Date.now();
const passwordHash = await hash('load test passphrase', { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
const step = async (label, sql, params = []) => {
  const t = Date.now();
  const result = await client.query(sql, params);
  process.stdout.write(`${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
};

await client.query('BEGIN');
await step(
  'participants',
  `INSERT INTO app_user (email, email_normalized, mailbox, display_name, password_hash, pseudonym, stakeholder_type, country_iso3, email_verified_at, privacy_mode, created_at)
   SELECT 'load-' || n || '@load.test', 'load-' || n || '@load.test', 'load-' || n || '@load.test', 'Load participant ' || n, $1, 'Load ' || lpad(n::text, 7, '0'),
          (ARRAY['individual','migrant','returnee','migrant-family','academia','media','other'])[1 + n % 7],
          (SELECT iso3 FROM country WHERE in_region ORDER BY iso3 OFFSET n % 58 LIMIT 1), now() - interval '30 days',
          CASE WHEN n % 10 = 0 THEN 'protected' ELSE 'public' END, now() - interval '30 days'
   FROM generate_series(1, $2) n
   ON CONFLICT (email_normalized) DO NOTHING`,
  [passwordHash, users],
);
await step(
  'round',
  `INSERT INTO consultation (title, description, description_html, opens_at, closes_at, moderation_mode, status)
   VALUES ('Load round ' || now(), 'Generated for load tests.', '<p>Generated for load tests.</p>', now() - interval '1 day', now() + interval '30 days', 'post', 'open')`,
);
const {
  rows: [{ id: roundId }],
} = await client.query(`SELECT id FROM consultation ORDER BY created_at DESC LIMIT 1`);
await step('scope: recommendations', `INSERT INTO consultation_recommendation SELECT $1, code FROM recommendation`, [roundId]);
await step('scope: countries', `INSERT INTO consultation_country SELECT $1, iso3 FROM country WHERE in_region ORDER BY iso3 LIMIT $2`, [
  roundId,
  countries,
]);
await step(
  'top-level comments',
  `WITH u AS (SELECT id, stakeholder_type, country_iso3, privacy_mode = 'protected' AS protected, pseudonym, row_number() OVER () AS rn FROM app_user WHERE email_normalized LIKE 'load-%'),
        r AS (SELECT code, row_number() OVER (ORDER BY code) AS rn FROM recommendation),
        ids AS (SELECT n, gen_random_uuid() AS id FROM generate_series(1, $2) n)
   INSERT INTO comment (id, consultation_id, recommendation_code, root_id, depth, author_id, author_stakeholder_type, author_country_iso3,
                        author_protected, author_pseudonym, body, body_html, status, created_at)
   SELECT ids.id, $1, r.code, ids.id, 0, u.id, u.stakeholder_type, u.country_iso3, u.protected, CASE WHEN u.protected THEN u.pseudonym END,
          'Load comment ' || ids.n || ' on implementation and decent work', '<p>Load comment ' || ids.n || ' on implementation and decent work</p>',
          'published', now() - (ids.n || ' seconds')::interval
   FROM ids JOIN u ON u.rn = 1 + ids.n % $3 JOIN r ON r.rn = 1 + ids.n % 32`,
  [roundId, Math.round(comments * 0.8), users],
);
await step(
  'replies',
  `WITH parents AS (SELECT id, root_id, recommendation_code, row_number() OVER () AS rn FROM comment WHERE consultation_id = $1 AND depth = 0),
        u AS (SELECT id, stakeholder_type, country_iso3, row_number() OVER () AS rn FROM app_user WHERE email_normalized LIKE 'load-%')
   INSERT INTO comment (consultation_id, recommendation_code, parent_id, root_id, depth, author_id, author_stakeholder_type, author_country_iso3,
                        body, body_html, status)
   SELECT $1, p.recommendation_code, p.id, p.root_id, 1, u.id, u.stakeholder_type, u.country_iso3,
          'Load reply ' || p.rn, '<p>Load reply ' || p.rn || '</p>', 'published'
   FROM parents p JOIN u ON u.rn = 1 + (p.rn * 7) % $3
   WHERE p.rn <= $2`,
  [roundId, Math.round(comments * 0.2), users],
);
await step(
  'ratings',
  `WITH u AS (SELECT id, stakeholder_type, country_iso3, row_number() OVER () AS rn FROM app_user WHERE email_normalized LIKE 'load-%'),
        c AS (SELECT country_iso3 AS iso3 FROM consultation_country WHERE consultation_id = $1)
   INSERT INTO rating (consultation_id, recommendation_code, country_iso3, user_id, score, dont_know, rater_stakeholder_type, rater_country_iso3)
   SELECT $1, r.code, c.iso3, u.id,
          CASE WHEN (u.rn + ascii(r.code)) % 9 = 0 THEN NULL ELSE (u.rn + ascii(c.iso3) + length(r.code)) % 5 END,
          (u.rn + ascii(r.code)) % 9 = 0, u.stakeholder_type, u.country_iso3
   FROM u CROSS JOIN recommendation r CROSS JOIN c`,
  [roundId],
);
await client.query('COMMIT');
await client.query('ANALYZE');
process.stdout.write(`round ${roundId} filled in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
await client.end();
// Published figures: the releases the app would have made as the ratings came in (accounts are a
// month old, so every rating counts). Needs the built API; otherwise the app's start makes them.
const releaseCli = new URL('../apps/api/dist/cli/release-ratings.js', import.meta.url);
if (existsSync(releaseCli)) {
  execFileSync(process.execPath, [releaseCli.pathname], { stdio: 'inherit', env: process.env });
} else {
  process.stdout.write('apps/api is not built: the app publishes the seeded ratings when it starts (its release sweep).\n');
}
