#!/usr/bin/env bash
# Cold start: the jar started cold against 10,000 managers; the moment /readyz says 200, /bossreview status
# at 200/s for 10 s. The first second is reported apart. Two starts on the same database:
#   1. the first start: the cluster's nudge planning job has never run, so it plans 30,000 nudges while the
#      instance warms up (a deployment's very first start, or one after more than an hour with no instance);
#   2. a restart, the common case (a deploy, a crash): the planning job is already scheduled and not due.
# The load generator starts before the app and rehearses its own requests against a sink in its process
# while the app starts, so its JIT stays out of the figures.
# Usage: bench/cold-start.sh [rate=200] [seconds=10]
source "$(dirname "$0")/lib.sh"
RATE=${1:-200}; SECS=${2:-10}
build
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
DB=bench_cold
fresh_db $DB
start_fake 64
bench_java com.bossreview.bench.NudgeWave prepare "$(jdbc_url $DB)" 10000 100 3600 >/dev/null

cold_run() { # cold_run NAME: the generator waiting, the app started cold, the report
  local name=$1 load
  ( exec java -Xmx512m -cp "$CP" com.bossreview.bench.ColdStartLoad http://127.0.0.1:18093 $SECRET "$RATE" "$SECS" ${LOAD_USERS:-10000} 100 ) \
    >"$LOGS/$name-load.log" 2>&1 &
  load=$!
  PIDS+=($load)
  start_app "$name" 18093 $DB >/dev/null
  wait $load || true
  echo "== $name"
  cat "$LOGS/$name-load.log"
  grep -h "Warmed up\|warm-up ended\|Planned" "$LOGS/$name.log" | sed 's/^/   app: /' | cut -c1-220
  kill -TERM "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  sleep 2 # the port and the CPU settle
}

cold_run cold-first-start
cold_run cold-restart
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
