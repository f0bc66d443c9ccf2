#!/usr/bin/env bash
# Run once by the postgres image when it creates its data directory (docker-entrypoint-initdb.d):
# the two roles PtClinic uses and its database. The superuser (postgres) stays inside this
# container: over the network it is refused, only the local socket lets it in.
#   ptclinic_owner  owns the database and everything in it; the migrate service connects as it
#   ptclinic_app    the web nodes connect as it; owns nothing, and the migrator grants it only
#                   what the app may do (see src/PtClinic.Infrastructure/Persistence/DatabasePrivileges.cs)
set -euo pipefail
: "${PTCLINIC_OWNER_PASSWORD:?set PTCLINIC_OWNER_PASSWORD}" "${PTCLINIC_APP_PASSWORD:?set PTCLINIC_APP_PASSWORD}"

# Variables on standard input: psql substitutes them there, quoted, never in -c.
psql -v ON_ERROR_STOP=1 -X --username "$POSTGRES_USER" --dbname postgres \
  -v owner_pw="$PTCLINIC_OWNER_PASSWORD" -v app_pw="$PTCLINIC_APP_PASSWORD" <<'SQL'
CREATE ROLE ptclinic_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'owner_pw';
CREATE ROLE ptclinic_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_pw';
CREATE DATABASE ptclinic OWNER ptclinic_owner;
SQL

# First match wins in pg_hba.conf: refuse the superuser over TCP before the image's catch-all line.
sed -i "1i host all $POSTGRES_USER all reject" "$PGDATA/pg_hba.conf"
