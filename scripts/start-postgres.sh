#!/usr/bin/env bash
# Starts Debian's PostgreSQL on loopback and makes a role that may create test databases.
# Prints the URL to use as POSTGRES_TEST_URL.
set -euo pipefail
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h 2>/dev/null | grep -q "^$ver main"; then pg_createcluster "$ver" main >/dev/null 2>&1; fi
pg_ctlcluster "$ver" main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
pg_isready -q -h 127.0.0.1 || { echo "PostgreSQL did not start" >&2; exit 1; }
su postgres -c "psql -q -c \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'jiyue') THEN CREATE ROLE jiyue LOGIN CREATEDB PASSWORD 'jiyue'; END IF; END \\\$\\\$;\"" >/dev/null
echo "postgres://jiyue:jiyue@127.0.0.1:5432/postgres"
