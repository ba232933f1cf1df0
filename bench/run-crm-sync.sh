#!/usr/bin/env bash
# Issue 16's CRM sync benchmark (com.bossreview.bench.CrmSyncWave), one JVM: fake Slack, Salesforce and HubSpot
# (each manager's own org), the app, CONNECTIONS managers with DEALS deals each connected through OAuth, the
# baseline sync, then every deal changed and ONE sync over all connections with the providers answering after
# LATENCY ms and Slack after a realistic median of SLACK_MS. The measured sync stops after MAX_MIN minutes.
# Usage: bench/run-crm-sync.sh [connections=5000] [deals=200] [latency=100-300] [max_min=20]
# Env: SLACK_MS=150 HEAP=3g PGHOSTPORT=127.0.0.1:5432 SKIP_BUILD=1 (reuse target/) KEEP_DB=1 (keep the database)
LOGS=${LOGS:-"$(cd "$(dirname "$0")/.." && pwd)/target/bench-logs/crm-sync"}
source "$(dirname "$0")/lib.sh"
CONNECTIONS=${1:-5000}; DEALS=${2:-200}; LATENCY=${3:-100-300}; MAX_MIN=${4:-20}
SLACK_MS=${SLACK_MS:-150}; HEAP=${HEAP:-3g}
build
# a copy of the classes: a build in this worktree during a long run must not pull them from under it
rm -rf "$LOGS/classes" && mkdir -p "$LOGS/classes" && cp -r target/classes target/test-classes "$LOGS/classes/"
CP="$LOGS/classes/test-classes:$LOGS/classes/classes:$(cat target/test-cp.txt)"
# TestApp's database comes from support/TestDatabase: a fresh bossreview_test_<pid>_<ms> database on the server
# BOSSREVIEW_TEST_DATABASE_URL names, migrated by the app. It is dropped after the run (KEEP_DB=1 keeps it).
export BOSSREVIEW_TEST_DATABASE_URL="jdbc:postgresql://$PGHOSTPORT/postgres?user=$PGUSER"
OUT="$LOGS/wave-$CONNECTIONS-$DEALS.log"
echo "box: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(free -g | awk '/Mem:/ {print $7 " GiB available"}')"
set +e
java -Xmx"$HEAP" -XX:+UseG1GC -cp "$CP" com.bossreview.bench.CrmSyncWave \
  "$CONNECTIONS" "$DEALS" "$LATENCY" "$MAX_MIN" "$SLACK_MS" >"$OUT" 2>"$LOGS/wave-$CONNECTIONS-$DEALS.err" &
PID=$!; PIDS+=($PID)
# the report, without the app's log lines (all of it stays in $OUT)
tail -n +1 -f --pid=$PID "$OUT" | grep --line-buffered -Ev '^[0-9:.]+ (TRACE|DEBUG|INFO|WARN|ERROR) ' || true
wait $PID; RC=$?
set -e
DBNAME=$(sed -n 's/^DB=//p' "$OUT")
if [[ -n "$DBNAME" && "${KEEP_DB:-0}" != 1 ]]; then
  psql -q -h "${PGHOSTPORT%:*}" -p "${PGHOSTPORT#*:}" -U "$PGUSER" -d postgres -c "DROP DATABASE IF EXISTS $DBNAME WITH (FORCE)"
fi
echo "full output with the app log: $OUT (stderr: $LOGS/wave-$CONNECTIONS-$DEALS.err)"
exit "$RC"
