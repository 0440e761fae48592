#!/usr/bin/env bash
# Runs the provisioned WildFly in the foreground for the quick start, and stops it with Maven:
# on Ctrl-C or TERM, and also when Maven itself goes away (a TERM to Maven alone would otherwise
# leave the server JVM running).
set -u
server="$1"
maven=$PPID
# A heap that starts at its working size: the distribution's 64 MiB start means a young collection
# every few hundred milliseconds under seat load. JBOSS_JAVA_SIZING overrides it.
export JBOSS_JAVA_SIZING="${JBOSS_JAVA_SIZING:--Xms1g -Xmx1g}"
# One Undertow I/O thread per core (wildfly-config/cli/licentia.cli).
export LICENTIA_IO_THREADS="${LICENTIA_IO_THREADS:-$(nproc)}"
LAUNCH_JBOSS_IN_BACKGROUND=1 "$server/bin/standalone.sh" &
pid=$!
stop() { kill -TERM "$pid" 2>/dev/null; wait "$pid"; exit 0; }
trap stop INT TERM
while kill -0 "$pid" 2>/dev/null; do
  kill -0 "$maven" 2>/dev/null || stop
  sleep 1
done
wait "$pid"
