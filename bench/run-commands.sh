#!/usr/bin/env bash
# Command acks: signed "/bossreview status" against the real jar (10,000 managers with a boss, as the
# wave creates them), then a no-op Bolt command served by the same HTTP edge as the ceiling, then the
# same ack after one "SELECT 1" through the same pool (/dbping): the floor of any command that reads
# PostgreSQL on this machine. Each runs in ONE load-generator JVM: an unmeasured warm-up, then every load in turn.
# Usage: bench/run-commands.sh [seconds per load=60] [loads="100 200 400 800 1600 max:16"]
#   a number is an open-loop rate per second; max:N is closed loop with N connections (peak throughput).
# APP_JAVA_OPTS is passed to the app's JVM, e.g. APP_JAVA_OPTS=-XX:StartFlightRecording=filename=target/status.jfr
source "$(dirname "$0")/lib.sh"
SECONDS_PER_RATE=${1:-60}; LOADS=${2:-"100 200 400 800 1600 max:16"}
WARMUP=${WARMUP:-10}
build
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
DB=bench_cmd
fresh_db $DB
start_fake 64
bench_java com.bossreview.bench.NudgeWave prepare "jdbc:postgresql://127.0.0.1:5432/$DB?user=$PGUSER" 10000 100 3600 >/dev/null
start_app app1 18091 $DB
APP=$APP_PID
echo "RSS idle: $(rss $APP)"
bench_java com.bossreview.bench.CommandLoad http://127.0.0.1:18091/slack/events $SECRET "$LOADS" "$SECONDS_PER_RATE" \
  /bossreview status 10000 100 "$WARMUP"
echo "RSS after: $(rss $APP)"
echo "load average after status: $(cut -d' ' -f1-3 /proc/loadavg)"
kill $APP; wait $APP 2>/dev/null || true
( exec java -Xmx256m -cp "$CP" com.bossreview.bench.NoopApp 18092 $SECRET "$(jdbc_url $DB)" ) >"$LOGS/noop.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 200); do curl -sf http://127.0.0.1:18092/healthz >/dev/null && break; sleep 0.05; done
bench_java com.bossreview.bench.CommandLoad http://127.0.0.1:18092/slack/events $SECRET "$LOADS" "$SECONDS_PER_RATE" \
  /noop "" 10000 100 "$WARMUP"
echo "load average after no-op: $(cut -d' ' -f1-3 /proc/loadavg)"
bench_java com.bossreview.bench.CommandLoad http://127.0.0.1:18092/slack/events $SECRET "$LOADS" "$SECONDS_PER_RATE" \
  /dbping "" 10000 100 "$WARMUP"
echo "load average after SELECT 1: $(cut -d' ' -f1-3 /proc/loadavg)"
