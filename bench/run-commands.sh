#!/usr/bin/env bash
# Command acks: signed "/bossreview status" at fixed rates against the real jar (10,000 managers with
# a boss, as the wave creates them), then a no-op Bolt command served by the same HTTP edge as the ceiling.
# Usage: bench/run-commands.sh [seconds per rate=60] [rates="100 200 400"]
source "$(dirname "$0")/lib.sh"
SECONDS_PER_RATE=${1:-60}; RATES=${2:-"100 200 400"}
build
DB=bench_cmd
fresh_db $DB
start_fake 64
bench_java com.bossreview.bench.NudgeWave prepare "jdbc:postgresql://127.0.0.1:5432/$DB?user=$PGUSER" 10000 100 3600 >/dev/null
start_app app1 18091 $DB
APP=$APP_PID
echo "RSS idle: $(rss $APP)"
# warm-up (not reported)
bench_java com.bossreview.bench.CommandLoad http://127.0.0.1:18091/slack/events $SECRET 100 10 /bossreview status 10000 100 >/dev/null
for r in $RATES; do
  bench_java com.bossreview.bench.CommandLoad http://127.0.0.1:18091/slack/events $SECRET "$r" "$SECONDS_PER_RATE" /bossreview status 10000 100
done
echo "RSS after: $(rss $APP)"
kill $APP; wait $APP 2>/dev/null || true
( exec java -Xmx256m -cp "$CP" com.bossreview.bench.NoopApp 18092 $SECRET ) >"$LOGS/noop.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 200); do curl -sf http://127.0.0.1:18092/healthz >/dev/null && break; sleep 0.05; done
bench_java com.bossreview.bench.CommandLoad http://127.0.0.1:18092/slack/events $SECRET 100 10 /noop "" 10000 100 >/dev/null
for r in $RATES; do
  bench_java com.bossreview.bench.CommandLoad http://127.0.0.1:18092/slack/events $SECRET "$r" "$SECONDS_PER_RATE" /noop "" 10000 100
done
