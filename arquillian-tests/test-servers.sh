#!/usr/bin/env bash
# Provisions the integration tests' WildFly servers, each from a fresh configuration with no data,
# with wildfly-config/provision.sh: the same scripts as the quick start and production.
#
#   test-servers.sh WILDFLY_DIST TARGET_DIR POSTGRESQL_JAR
#
# Which test starts which server is in src/test/resources/arquillian.xml (port offsets there). The
# servers under test get the management user LICENTIA_MGMT_USER / LICENTIA_MGMT_PASSWORD, as the
# quick start does (OperationsIT signs in with it).
set -euo pipefail
dist="$1" target="$2" pgjar="$3"
provision="$(cd "$(dirname "${BASH_SOURCE[0]}")/../wildfly-config" && pwd)/provision.sh"

# directory            configuration       database    options
servers="
wildfly-h2             standalone.xml      h2          --management-user
wildfly-h2-restart     standalone.xml      h2
wildfly-onprem         standalone.xml      h2
wildfly-upgrade-h2     standalone.xml      h2
wildfly-postgresql     standalone.xml      postgresql  --reset-postgresql-schema --management-user
wildfly-cluster-1      standalone-ha.xml   postgresql  --postgresql-schema licentia_cluster --reset-postgresql-schema
wildfly-cluster-2      standalone-ha.xml   postgresql  --postgresql-schema licentia_cluster
wildfly-upgrade-postgresql standalone.xml  postgresql  --postgresql-schema licentia_upgrade
"
# Two at a time (each is mostly one JVM's work, and CI has two cores); any failure fails the whole.
pids=()
while read -r dir config db options; do
  [ -n "$dir" ] || continue
  # shellcheck disable=SC2086 # options are words
  bash "$provision" --dist "$dist" --server "$target/$dir" --server-config "$config" --db "$db" \
    --postgresql-jar "$pgjar" --fresh-data $options &
  pids+=("$!")
  if [ "${#pids[@]}" -ge 2 ]; then
    wait "${pids[0]}"
    pids=("${pids[@]:1}")
  fi
done <<< "$servers"
for pid in "${pids[@]}"; do
  wait "$pid"
done
