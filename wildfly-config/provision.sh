#!/usr/bin/env bash
# Provisions a WildFly server for Licentia from the unpacked WildFly distribution and configures it
# offline with the jboss-cli scripts beside this file. The same scripts configure the quick-start
# server, the test servers and production: one configuration.
#
#   provision.sh --dist DIR --server DIR [--server-config standalone.xml|standalone-ha.xml]
#                [--db h2|postgresql] [--postgresql-jar JAR] [--postgresql-schema NAME]
#                [--reset-postgresql-schema] [--fresh-data] [--management-user]
#
# --management-user (the quick start): a WildFly management user for the console
# (http://localhost:9990/console) and jboss-cli.sh --connect, named LICENTIA_MGMT_USER (default
# admin) with the password LICENTIA_MGMT_PASSWORD, or, without one, a generated password that is
# printed once and kept in standalone/configuration/licentia-management.password (owner-only). An
# existing user of that name is kept as it is.
#
# --postgresql-schema NAME: this server's schema, fixed in its configuration, instead of the one
# POSTGRESQL_SCHEMA names when it starts (default licentia).
# --fresh-data (test servers): starts again from the distribution's configuration, with no data
# and no deployments, so every test run starts from the same state.
#
# Re-runnable: an existing server keeps its data and its management users; the scripts add what is
# missing and, where they say so, set what an older configuration has wrong (cli/licentia.cli).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dist="" server="" db="h2" pgjar="" pgschema="" reset_schema=false fresh=false config="standalone.xml" mgmt=false
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) dist="$2"; shift 2 ;;
    --server) server="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --postgresql-jar) pgjar="$2"; shift 2 ;;
    --postgresql-schema) pgschema="$2"; shift 2 ;;
    --server-config) config="$2"; shift 2 ;;
    --reset-postgresql-schema) reset_schema=true; shift ;;
    --fresh-data) fresh=true; shift ;;
    --management-user) mgmt=true; shift ;;
    *) echo "provision.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$dist" ] && [ -n "$server" ] || { echo "provision.sh: --dist and --server are required" >&2; exit 2; }
case "$db" in h2|postgresql) ;; *) echo "provision.sh: --db is h2 or postgresql" >&2; exit 2 ;; esac

if [ ! -x "$server/bin/standalone.sh" ]; then
  echo "Provisioning WildFly into $server"
  mkdir -p "$(dirname "$server")"
  cp -a "$dist" "$server.tmp" && mv "$server.tmp" "$server"
fi

if $fresh; then
  rm -rf "$server/standalone/data" "$server/standalone/deployments/"*.ear* "$server/standalone/log" \
    "$server/standalone/configuration/standalone_xml_history"
  cp "$dist/standalone/configuration/$config" "$server/standalone/configuration/$config"
fi

if [ "$db" = postgresql ]; then
  [ -f "$pgjar" ] || { echo "provision.sh: --postgresql-jar is required for --db postgresql" >&2; exit 2; }
  module="$server/modules/org/postgresql/main"
  mkdir -p "$module"
  cp "$here/modules/org/postgresql/main/module.xml" "$module/"
  cp "$pgjar" "$module/postgresql.jar"
  if $reset_schema; then
    schema="${pgschema:-${POSTGRESQL_SCHEMA:-licentia}}"
    if command -v psql >/dev/null; then
      echo "Dropping PostgreSQL schema $schema for a clean test run"
      PGPASSWORD="${POSTGRESQL_PASSWORD:-postgres}" psql -q -h "${POSTGRESQL_HOST:-127.0.0.1}" -p "${POSTGRESQL_PORT:-5432}" \
        -U "${POSTGRESQL_USER:-postgres}" -d "${POSTGRESQL_DATABASE:-test}" -c "DROP SCHEMA IF EXISTS \"$schema\" CASCADE" >/dev/null
    else
      echo "psql not found: schema $schema kept (tests make their own unique data)"
    fi
  fi
fi

script="$(mktemp)"
trap 'rm -f "$script"' EXIT
{
  echo "embed-server --server-config=$config --std-out=discard"
  if [ -n "$pgschema" ]; then
    sed "s/\${env.POSTGRESQL_SCHEMA:licentia}/$pgschema/g" "$here/cli/datasource-$db.cli"
  else
    cat "$here/cli/datasource-$db.cli"
  fi
  cat "$here/cli/licentia.cli"
  case "$config" in *-ha*) cat "$here/cli/caches-ha.cli" ;; *) cat "$here/cli/caches-local.cli" ;; esac
  echo "stop-embedded-server"
} > "$script"
echo "Configuring $server ($config, $db)"
JAVA_OPTS="-Xmx512m" "$server/bin/jboss-cli.sh" --file="$script" >"$server/provision.log" 2>&1 \
  || { cat "$server/provision.log" >&2; echo "provision.sh: configuration failed" >&2; exit 1; }
echo "Configured $server"

if $mgmt; then
  user="${LICENTIA_MGMT_USER:-admin}"
  users="$server/standalone/configuration/mgmt-users.properties"
  if grep -q "^$user=" "$users" 2>/dev/null; then
    echo "Management user $user exists: kept"
  else
    password="${LICENTIA_MGMT_PASSWORD:-}"
    if [ -z "$password" ]; then
      password="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
      file="$server/standalone/configuration/licentia-management.password"
      (umask 077 && printf '%s\n' "$password" > "$file")
      echo "Management user $user created with the password $password (shown once; kept in $file, readable by you only)"
    else
      echo "Management user $user created with the password in LICENTIA_MGMT_PASSWORD"
    fi
    JAVA_OPTS="-Xmx128m" "$server/bin/add-user.sh" -s -u "$user" -p "$password" \
      || { echo "provision.sh: could not add the management user $user" >&2; exit 1; }
  fi
fi
