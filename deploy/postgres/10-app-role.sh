#!/bin/sh
# The role the API instances connect as (DATABASE_URL in docker-compose.yml): it logs in with
# POSTGRES_PASSWORD and has no other power of its own. Its rights on the tables come from the grant
# step of the `migrate` service (apps/api/src/core/database/database-roles.ts): read and write the
# app's tables, but only INSERT into and SELECT from the audit log.
#
# The owner (POSTGRES_USER, a superuser) loses its network password: it is reached only over the
# unix socket — by the `migrate` service, which mounts it, and by `docker compose exec postgres …` —
# so the password the API instances hold never opens the owner.
#
# The image runs this once, on an empty data volume. On a volume made before, run it by hand:
#   docker compose exec postgres sh /docker-entrypoint-initdb.d/10-app-role.sh
# It is idempotent: it also resets the app role's password to POSTGRES_PASSWORD.
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$POSTGRES_PASSWORD" -v owner="$POSTGRES_USER" <<'SQL'
SELECT 'CREATE ROLE compact_voices_app' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'compact_voices_app') \gexec
ALTER ROLE compact_voices_app WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_password';
ALTER ROLE :"owner" WITH PASSWORD NULL;
SQL
