#!/usr/bin/env bash
# Cold start: the jar started cold against 10,000 managers; the moment /readyz says 200, /bossreview status
# at 200/s for 10 s. The first second is reported apart. The load generator starts first and warms its own
# HTTP client on /livez while the app starts, so its JIT stays out of the figures.
# Usage: bench/cold-start.sh [rate=200] [seconds=10]
source "$(dirname "$0")/lib.sh"
RATE=${1:-200}; SECS=${2:-10}
build
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
DB=bench_cold
fresh_db $DB
start_fake 64
bench_java com.bossreview.bench.NudgeWave prepare "$(jdbc_url $DB)" 10000 100 3600 >/dev/null
( exec java -Xmx512m -cp "$CP" com.bossreview.bench.ColdStartLoad http://127.0.0.1:18093 $SECRET "$RATE" "$SECS" 10000 100 ) \
  >"$LOGS/cold-load.log" 2>&1 &
LOAD=$!
PIDS+=($LOAD)
start_app cold 18093 $DB >/dev/null
wait $LOAD || true
cat "$LOGS/cold-load.log"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
