#!/usr/bin/env bash
# Where a command's CPU goes: a closed loop (16 connections) of /bossreview status against the real jar, of the
# no-op Bolt command and of /dbping (one SELECT 1 through the app's pool), one after the other; for each, the CPU
# time (utime + stime from /proc) of the app, the load generator and every PostgreSQL process over the
# middle of the run, per request. On a 2-core box all three share the CPU, so peak throughput is 2 cores divided
# by the total. Each loop runs twice in one generator JVM (after WARMUP s at 100/s); only the second is measured,
# so both JITs are warm. Usage: bench/cpu-split.sh [seconds per loop=20]
source "$(dirname "$0")/lib.sh"
SECS=${1:-20}
WARMUP=${WARMUP:-20}
WINDOW=$(( SECS / 2 ))
build
DB=bench_cpu
fresh_db $DB
start_fake 16
bench_java com.bossreview.bench.NudgeWave prepare "$(jdbc_url $DB)" 10000 100 3600 >/dev/null

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# Every process of the postgres user: the shared server's other databases count too, and a backend that starts or
# ends inside the window skews it, so run this on a quiet box.
pg_ticks() {
  local sum=0 p
  for p in $(pgrep -u postgres postgres); do sum=$(( sum + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done
  echo $sum
}

# measure LABEL APP_PID URL COMMAND
measure() {
  local label=$1 app=$2 url=$3 command=$4 gen a0 g0 p0 a1 g1 p1 t0 t1 out
  out="$LOGS/cpu-split-${command#/}.out"
  ( exec java -Xmx512m -cp "$CP" com.bossreview.bench.CommandLoad "$url" $SECRET "max:16 max:16" "$SECS" "$command" "" 10000 100 "$WARMUP" ) >"$out" 2>&1 &
  gen=$!
  sleep $(( WARMUP + SECS + 1 + (SECS - WINDOW) / 2 ))
  a0=$(ticks "$app"); g0=$(ticks "$gen"); p0=$(pg_ticks); t0=$(date +%s%N)
  sleep "$WINDOW"
  a1=$(ticks "$app"); g1=$(ticks "$gen"); p1=$(pg_ticks); t1=$(date +%s%N)
  wait "$gen"
  local rate
  rate=$(sed -n 's/.*; \([0-9]*\) ok\/s;.*/\1/p' "$out" | tail -1)
  if [[ -z "$rate" || "$rate" == 0 ]]; then
    echo "$label: no rate in $out" >&2; cat "$out" >&2; return 1
  fi
  # ticks are 1/100 s; per request in microseconds = ticks * 10,000 / (rate * seconds)
  awk -v l="$label" -v r="$rate" -v a=$((a1 - a0)) -v g=$((g1 - g0)) -v p=$((p1 - p0)) -v ns=$((t1 - t0)) 'BEGIN {
    s = ns / 1e9; n = r * s;
    printf "%-10s %6d/s   app %4.0f us   generator %4.0f us   postgres %4.0f us   total %4.0f us   (cpu: app %.2f, generator %.2f, postgres %.2f cores)\n",
      l, r, a * 1e4 / n, g * 1e4 / n, p * 1e4 / n, (a + g + p) * 1e4 / n, a / 100 / s, g / 100 / s, p / 100 / s }'
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start_app app1 18091 $DB >/dev/null
measure status "$APP_PID" http://127.0.0.1:18091/slack/events /bossreview
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
( exec java -Xmx256m -cp "$CP" com.bossreview.bench.NoopApp 18092 $SECRET "$(jdbc_url $DB)" ) >"$LOGS/noop.log" 2>&1 &
NOOP=$!
PIDS+=($NOOP)
for _ in $(seq 1 200); do curl -sf http://127.0.0.1:18092/healthz >/dev/null && break; sleep 0.05; done
measure no-op "$NOOP" http://127.0.0.1:18092/slack/events /noop
measure "SELECT 1" "$NOOP" http://127.0.0.1:18092/slack/events /dbping
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
