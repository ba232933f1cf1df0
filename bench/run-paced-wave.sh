#!/usr/bin/env bash
# Paced nudge wave: MANAGERS managers over TEAMS workspaces, all with their booking nudge in the same minute,
# against INSTANCES app processes (1-3, one database) in multi-workspace mode (each workspace installed with
# its own bot token, sealed as the app seals them), and a fake Slack that answers like the real one: a
# long-tailed latency of median LATENCY_MS and chat.postMessage limited to RATE/s per workspace (bursts of
# BURST), 429 Retry-After beyond. Reports the floor those limits set and how close the wave came to it.
# Usage: bench/run-paced-wave.sh [instances=1] [managers=10000] [teams=100] [rate=10]
# Env: LATENCY_MS=150 BURST=<rate> TIMEOUT=360 (s the wave may take) LEAD (s from now to the wave minute, at
#      least) DB=bench_paced APP_PORT0=18280 (app i on APP_PORT0+i) FAKE_PORT=18300 FAKE_CTL=18301
#      CEILING=1 (then the fake's own ceiling in realistic mode, unlimited rate) FAKE_JAVA (JVM of the fake)
export FAKE_PORT=${FAKE_PORT:-18300} FAKE_CTL=${FAKE_CTL:-18301}
LOGS=${LOGS:-"$(cd "$(dirname "$0")/.." && pwd)/target/bench-logs/paced-${1:-1}"}
source "$(dirname "$0")/lib.sh"
INSTANCES=${1:-1}; MANAGERS=${2:-10000}; TEAMS=${3:-100}; RATE=${4:-10}
LATENCY_MS=${LATENCY_MS:-150}; BURST=${BURST:-$RATE}; TIMEOUT=${TIMEOUT:-360}
LEAD=${LEAD:-$((30 + 75 * INSTANCES))}  # each instance's warm-up may take its 60 s on a busy box
DB=${DB:-bench_paced}; APP_PORT0=${APP_PORT0:-18280}
build
fresh_db "$DB"
start_fake 64
curl -sf -X POST "http://127.0.0.1:$FAKE_CTL/realistic?latency_ms=$LATENCY_MS&rate=$RATE&burst=$BURST"
URL=$(jdbc_url "$DB")
WAVE_AT=$(bench_java com.bossreview.bench.NudgeWave prepare "$URL" "$MANAGERS" "$TEAMS" "$LEAD" | sed -n 's/^WAVE_AT=//p')
# T0WARMUP too: the warm-up's commands then take the installed path (not "not installed", logged per command).
bench_java com.bossreview.bench.NudgeWave install "$URL" "$TEAMS" "$BENCH_ENCRYPTION_KEY" T0WARMUP >"$LOGS/install.log"
echo "wave minute: $(date -u -d @$((WAVE_AT/1000)) +%H:%M:%S) UTC, $MANAGERS managers, $TEAMS workspaces (multi-workspace mode," \
     "one bot token each), $INSTANCES instance(s); Slack: latency median $LATENCY_MS ms, $RATE DMs/s per workspace, burst $BURST"
APPS=()
for i in $(seq 1 "$INSTANCES"); do
  MULTI_WORKSPACE=1 start_app "app$i" $((APP_PORT0 + i)) "$DB"
  APPS+=($APP_PID)
done
planned() { sql "$DB" "SELECT count(*) FROM nudge WHERE due_at = to_timestamp($WAVE_AT/1000.0)"; }
while (( $(planned) < MANAGERS && $(date +%s%3N) < WAVE_AT )); do sleep 0.2; done  # the materializer plans at start-up
echo "nudges planned for the wave minute: $(planned) (at $(date -u +%H:%M:%S.%3N))"
now=$(date +%s%3N); (( WAVE_AT > now )) || echo "WARNING: the apps were not up before the wave minute" >&2
for p in "${APPS[@]}"; do echo "RSS before the wave, pid $p: $(rss "$p")"; done
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }
CPU0=(); for p in "${APPS[@]}"; do CPU0+=("$(cpu_ms "$p")"); done
# The floor: the busiest workspace's DMs at RATE/s after its burst, plus one median answer.
MAX_PER_TEAM=$(sql "$DB" "SELECT max(c) FROM (SELECT count(*) c FROM manager GROUP BY team_id) t")
FLOOR_MS=$(awk -v n="$MAX_PER_TEAM" -v r="$RATE" -v b="$BURST" -v l="$LATENCY_MS" 'BEGIN { x = n - b; if (x < 0) x = 0; printf "%d", 1000 * x / r + l }')
FLOOR_NB_MS=$(awk -v n="$MAX_PER_TEAM" -v r="$RATE" -v l="$LATENCY_MS" 'BEGIN { printf "%d", 1000 * n / r + l }')
AWAIT=$(bench_java com.bossreview.bench.NudgeWave await "$URL" "http://127.0.0.1:$FAKE_CTL/" "$WAVE_AT" "$MANAGERS" "$TIMEOUT")
grep -v '^RESULT' <<<"$AWAIT"
WAVE=$(grep '^RESULT' <<<"$AWAIT")
for p in "${APPS[@]}"; do echo "RSS after the wave, pid $p: $(rss "$p")"; done
# CPU the app processes spent from before the wave minute to its end, per DM (includes the claim loops'
# idle polling and the JIT; the warm-up ran before).
CPU_MS=0; for i in "${!APPS[@]}"; do CPU_MS=$(( CPU_MS + $(cpu_ms "${APPS[$i]}") - ${CPU0[$i]} )); done
echo "app CPU during the wave: $CPU_MS ms in all, $(awk -v c="$CPU_MS" -v n="$MANAGERS" 'BEGIN { printf "%.0f", c * 1000 / n }') µs per DM"
# What the database holds per manager once the wave is sent (rows and bytes, indexes and TOAST included).
echo "database per manager: $(sql "$DB" "SELECT round((SELECT count(*) FROM nudge)::numeric / $MANAGERS, 2) || ' nudge rows, ' ||
  round(pg_total_relation_size('nudge')::numeric / $MANAGERS) || ' B nudge, ' ||
  round(pg_total_relation_size('manager')::numeric / $MANAGERS) || ' B manager, ' ||
  round((SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'r')::numeric / $MANAGERS) || ' B all tables; ' ||
  (SELECT count(*) FROM workspace_pace) || ' pace rows'")"
sql "$DB" "SELECT 'sent by instance ' || left(claimed_by, 8) || ': ' || count(*) FROM nudge WHERE state = 'SENT' AND kind = 'BOOK_REVIEW' GROUP BY claimed_by ORDER BY 1"
STATS=$(curl -sf "http://127.0.0.1:$FAKE_CTL/stats?wave_at=$WAVE_AT")
st() { tr ' ' '\n' <<<"$STATS" | sed -n "s/^$1=//p"; }
DISTINCT=$(result_field "$WAVE" distinct); LAST_MS=$(st last_ms); LAST_MS=${LAST_MS:-0}
DONE=$([[ "$DISTINCT" == "$MANAGERS" ]] && echo "all DMs" || echo "NOT FINISHED within ${TIMEOUT} s: $DISTINCT of $MANAGERS DMs")
echo "floor: $MAX_PER_TEAM DMs in the busiest workspace, $RATE/s after a burst of $BURST, + $LATENCY_MS ms = $(awk -v f="$FLOOR_MS" 'BEGIN { printf "%.2f", f / 1000 }') s" \
     "($(awk -v f="$FLOOR_NB_MS" 'BEGIN { printf "%.2f", f / 1000 }') s counting no burst)"
echo "wall time from the wave minute to the last DM: $(awk -v t="$LAST_MS" 'BEGIN { printf "%.2f", t / 1000 }') s ($DONE);" \
     "ratio to the floor $(awk -v t="$LAST_MS" -v f="$FLOOR_MS" 'BEGIN { printf "%.2f", t / f }')" \
     "($(awk -v t="$LAST_MS" -v f="$FLOOR_NB_MS" 'BEGIN { printf "%.2f", t / f }') without the burst); half of the DMs by $(st p50_ms) ms, 99 % by $(st p99_ms) ms"
echo "delivered $(result_field "$WAVE" delivered), distinct $DISTINCT, duplicates $(result_field "$WAVE" duplicates);" \
     "429s $(result_field "$WAVE" ratelimited) of $(result_field "$WAVE" calls) calls ($(awk -v b="$(result_field "$WAVE" ratelimited_bp)" 'BEGIN { printf "%.2f", b / 100 }') %);" \
     "most DMs accepted for one workspace within 1 s: $(result_field "$WAVE" max_rate_1s)"
echo "PACED instances=$INSTANCES managers=$MANAGERS teams=$TEAMS rate=$RATE burst=$BURST floor_ms=$FLOOR_MS last_ms=$LAST_MS" \
     "p50_ms=$(st p50_ms) p99_ms=$(st p99_ms) cpu_ms=$CPU_MS ${WAVE#RESULT }"
if [[ "${CEILING:-0}" == 1 ]]; then
  curl -sf -X POST "http://127.0.0.1:$FAKE_CTL/reset" >/dev/null
  curl -sf -X POST "http://127.0.0.1:$FAKE_CTL/realistic?latency_ms=$LATENCY_MS&rate=0"
  bench_java com.bossreview.bench.SlackCeiling "http://127.0.0.1:$FAKE_PORT/api/" 40000 2000 app 20
  echo "fake slack: $(curl -sf "http://127.0.0.1:$FAKE_CTL/stats" | tr ' ' '\n' | grep -E '^(calls|latency_p50|latency_p99|waiting_max)=' | tr '\n' ' ')"
fi
