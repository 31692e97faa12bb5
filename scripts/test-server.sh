#!/usr/bin/env bash
# Runs the sync-server suite against SQLite and a real PostgreSQL. On a fresh Debian machine it
# installs and starts PostgreSQL and creates a throwaway role and database; with DATABASE_URL set
# it uses that server instead. Safe to re-run: every step checks before it acts.
set -euo pipefail
cd "$(dirname "$0")/.."

DB_NAME=clyde_test
DB_USER=clyde_test
DB_PASSWORD=${CLYDE_TEST_DB_PASSWORD:-clyde_test_pw}
DB_PORT=${CLYDE_TEST_DB_PORT:-5432}

as_postgres() {
  # Running as root: switch to the postgres superuser; otherwise rely on sudo.
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sudo -u postgres sh -c "$1"; fi
}

if [ -z "${DATABASE_URL:-}" ]; then
  if ! command -v pg_ctlcluster >/dev/null || ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    echo "Installing PostgreSQL from Debian..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  fi
  # The newest installed major version owns the cluster we use.
  PG_VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v && $2 == "main"' | grep -q .; then
    pg_createcluster "$PG_VERSION" main --port "$DB_PORT" >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
    pg_ctlcluster "$PG_VERSION" main start
  fi
  DB_PORT=$(pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" { print $3 }')
  for _ in $(seq 1 30); do
    as_postgres "pg_isready -q -p $DB_PORT" && break
    sleep 1
  done
  as_postgres "psql -p $DB_PORT -v ON_ERROR_STOP=1 -q" <<SQL
SELECT 'CREATE ROLE $DB_USER LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER')\gexec
ALTER ROLE $DB_USER WITH LOGIN PASSWORD '$DB_PASSWORD';
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME')\gexec
SQL
  export DATABASE_URL="postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$DB_PORT/$DB_NAME"
fi

exec npx vitest run --project server "$@"
