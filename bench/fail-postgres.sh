#!/usr/bin/env bash
# Failure check (a): PostgreSQL stopped for OUTAGE seconds and started again while slash commands and
# nudges flow. Uses a PRIVATE cluster (initdb + pg_ctl in a temp dir, 127.0.0.1:$PRIVATE_PG_PORT), never
# the shared server. Expected: every command answers 200 within Slack's 3 s (a friendly "temporarily
# unavailable" while the database is away), /healthz goes 200 -> 503 -> 200, the process survives, and
# every nudge is delivered exactly once.
# Usage: bench/fail-postgres.sh [managers=3000] [teams=30] [outage seconds=30] [stop mode=fast|immediate]
# Env: SPREAD=120 (nudges due evenly over that many seconds from the wave minute), STOP_AFTER=30 (seconds
#      after the wave minute), RATE=20 (commands/s), FAKE_PORT/FAKE_CTL=18200/18201, APP_PORT=18281,
#      PRIVATE_PG_PORT=55432, SKIP_BUILD=1, AWAIT_TIMEOUT=360.
FAKE_PORT=${FAKE_PORT:-18200}; FAKE_CTL=${FAKE_CTL:-18201}
LOGS=${LOGS:-"$(cd "$(dirname "$0")/.." && pwd)/target/bench-logs/fail-postgres"}
source "$(dirname "$0")/lib.sh"
MANAGERS=${1:-3000}; TEAMS=${2:-30}; OUTAGE=${3:-30}; MODE=${4:-fast}
SPREAD=${SPREAD:-120}; STOP_AFTER=${STOP_AFTER:-30}; RATE=${RATE:-20}
APP_PORT=${APP_PORT:-18281}; PRIVATE_PG_PORT=${PRIVATE_PG_PORT:-55432}; AWAIT_TIMEOUT=${AWAIT_TIMEOUT:-360}
[[ $MODE == fast || $MODE == immediate ]] || { echo "stop mode: fast or immediate" >&2; exit 2; }
build
echo "load: $(uptime)"
private_pg_init "$PRIVATE_PG_PORT"
DB=fail_pg
fresh_db $DB
URL=$(jdbc_url $DB)
start_fake 64
PREP=$(bench_java com.bossreview.bench.NudgeWave prepare "$URL" "$MANAGERS" "$TEAMS" 25 "$SPREAD")
WAVE_AT=$(sed -n 's/^WAVE_AT=//p' <<<"$PREP"); WAVE_END=$(sed -n 's/^WAVE_END=//p' <<<"$PREP")
T_STOP_PLAN=$((WAVE_AT + STOP_AFTER * 1000))
echo "private PostgreSQL on $PGHOSTPORT; $MANAGERS nudges due $(date -u -d @$((WAVE_AT/1000)) +%H:%M:%S)–$(date -u -d @$((WAVE_END/1000)) +%H:%M:%S) UTC over $TEAMS workspaces;" \
     "PostgreSQL stop (-m $MODE) planned at $(date -u -d @$((T_STOP_PLAN/1000)) +%H:%M:%S) for $OUTAGE s"
start_app app "$APP_PORT" $DB
APP=$APP_PID
healthz_watch "$APP_PORT" "$LOGS/healthz.txt"
# Commands: a warm-up from now until 20 s before the stop (reported, not judged: a cold JVM on a busy
# box can be slow), then the judged window from 20 s before the stop until 30 s after PostgreSQL is back.
WINDOW_AT=$((T_STOP_PLAN - 20000))
WARMUP_SECONDS=$(( (WINDOW_AT - $(date +%s%3N)) / 1000 ))
if (( WARMUP_SECONDS >= 5 )); then
  bench_java com.bossreview.bench.CommandProbe "http://127.0.0.1:$APP_PORT/slack/events" $SECRET "$RATE" "$WARMUP_SECONDS" \
    "$MANAGERS" "$TEAMS" "$LOGS/warmup.csv" >"$LOGS/warmup.txt" 2>&1 &
  WARMUP=$!; PIDS+=($WARMUP)
fi
sleep "$(awk -v ms=$((WINDOW_AT - $(date +%s%3N))) 'BEGIN { print (ms > 0 ? ms / 1000 : 0) }')"
PROBE_SECONDS=$(( (T_STOP_PLAN + OUTAGE * 1000 + 30000 - $(date +%s%3N)) / 1000 ))
bench_java com.bossreview.bench.CommandProbe "http://127.0.0.1:$APP_PORT/slack/events" $SECRET "$RATE" "$PROBE_SECONDS" \
  "$MANAGERS" "$TEAMS" "$LOGS/commands.csv" >"$LOGS/commands.txt" 2>&1 &
PROBE=$!; PIDS+=($PROBE)
sleep "$(awk -v ms=$((T_STOP_PLAN - $(date +%s%3N))) 'BEGIN { print (ms > 0 ? ms / 1000 : 0) }')"
DELIVERED_BEFORE=$(fake_stat distinct)
T_STOP=$(date +%s%3N)
private_pg_stop "$MODE"
echo "PostgreSQL stopped (-m $MODE) in $(( $(date +%s%3N) - T_STOP )) ms; $DELIVERED_BEFORE DMs delivered before"
sleep "$OUTAGE"
DELIVERED_DURING=$(( $(fake_stat distinct) - DELIVERED_BEFORE ))
T_START=$(date +%s%3N)
private_pg_start
echo "PostgreSQL started again $(( (T_START - T_STOP) / 1000 )) s after the stop (ready in $(( $(date +%s%3N) - T_START )) ms); $DELIVERED_DURING DMs delivered during the outage"
wait $PROBE || true
[[ -n "${WARMUP:-}" ]] && { wait $WARMUP || true; sed 's/^/warm-up /' "$LOGS/warmup.txt"; }
cat "$LOGS/commands.txt"
CMD=$(grep '^RESULT' "$LOGS/commands.txt" || echo "RESULT")
echo "awaiting every nudge, and the rows of any expired claim (lease 2 min) coming back..."
AWAIT=$(bench_java com.bossreview.bench.NudgeWave await "$URL" "http://127.0.0.1:$FAKE_CTL/" "$WAVE_AT" "$MANAGERS" "$AWAIT_TIMEOUT" "$WAVE_END" settle)
grep -v '^RESULT' <<<"$AWAIT"
WAVE=$(grep '^RESULT' <<<"$AWAIT")
sleep 1
kill "$HEALTHZ_PID" 2>/dev/null || true
ALIVE=no; kill -0 "$APP" 2>/dev/null && ALIVE=yes
POSSIBLE_DUPS=$(metric "$APP_PORT" nudges_possible_duplicates_total || echo "?")
RECOVERED=$({ grep -o '[0-9]* nudges claimed by a vanished dispatcher were put back' "$LOGS/app.log" || true; } | awk '{ s += $1 } END { print s + 0 }')
HEALTHZ_NOW=$(curl -s -o /dev/null -m 3 -w '%{http_code}' "http://127.0.0.1:$APP_PORT/healthz" || true)
FIRST_503=$(awk -v t="$T_STOP" '$1 >= t && $2 != 200 { print $1; exit }' "$LOGS/healthz.txt")
EARLY_NON200=$(awk -v t="$T_STOP" '$1 < t && $2 != 200 { n++ } END { print n + 0 }' "$LOGS/healthz.txt")
LAST_503=$(awk '$2 != 200 { t = $1 } END { print t + 0 }' "$LOGS/healthz.txt")
BACK_200=$(awk -v t="${LAST_503:-0}" '$1 > t && $2 == 200 { print $1; exit }' "$LOGS/healthz.txt")

echo
echo "=== fail-postgres summary (stop -m $MODE, outage ${OUTAGE}s, load: $(uptime | sed 's/.*load average: //')) ==="
if [[ -f "$LOGS/warmup.txt" ]]; then
  WU=$(grep '^RESULT' "$LOGS/warmup.txt" || echo RESULT)
  echo "warm-up commands (not judged): total $(result_field "$WU" total), ok $(result_field "$WU" ok), unavailable $(result_field "$WU" unavailable)," \
       "later than 3 s $(result_field "$WU" slow), errors $(result_field "$WU" errors); p50 $(result_field "$WU" p50_ms) ms, max $(result_field "$WU" max_ms) ms"
fi
echo "commands (judged window, 20 s before the stop to 30 s after the start): total $(result_field "$CMD" total), ok $(result_field "$CMD" ok), temporarily unavailable $(result_field "$CMD" unavailable)," \
     "later than 3 s $(result_field "$CMD" slow), errors $(result_field "$CMD" errors); p50 $(result_field "$CMD" p50_ms) ms," \
     "p99 $(result_field "$CMD" p99_ms) ms, max $(result_field "$CMD" max_ms) ms"
FU=$(result_field "$CMD" first_unavailable_at); LU=$(result_field "$CMD" last_unavailable_at)
if [[ -n "$FU" && "$FU" != 0 ]]; then
  echo "commands: 'temporarily unavailable' from $(awk -v a="$FU" -v b="$T_STOP" 'BEGIN { printf "%+.1f", (a - b) / 1000 }') s to" \
       "$(awk -v a="$LU" -v b="$T_STOP" 'BEGIN { printf "%+.1f", (a - b) / 1000 }') s after the stop (restart at +$(( (T_START - T_STOP) / 1000 )) s)"
fi
echo "healthz (relative to the stop; 000 = no answer within 3 s): $(healthz_timeline "$LOGS/healthz.txt" "$T_STOP")"
(( EARLY_NON200 == 0 )) || echo "healthz: $EARLY_NON200 polls before the stop were not 200 (start-up on a busy box?)"
[[ -n "$FIRST_503" ]] && echo "healthz: first non-200 $(awk -v a="$FIRST_503" -v b="$T_STOP" 'BEGIN { printf "%+.1f", (a - b) / 1000 }') s after the stop," \
     "200 again $(awk -v a="${BACK_200:-0}" -v b="$T_START" 'BEGIN { printf "%+.1f", (a - b) / 1000 }') s after the start; now $HEALTHZ_NOW"
echo "nudges: $(result_field "$WAVE" distinct) of $MANAGERS managers got their DM ($(result_field "$WAVE" delivered) DMs," \
     "$(result_field "$WAVE" duplicates) duplicates); rows SENT $(result_field "$WAVE" sent_rows), CLAIMED $(result_field "$WAVE" claimed_rows)," \
     "PENDING $(result_field "$WAVE" pending_rows); $DELIVERED_DURING DMs sent during the outage"
echo "app: alive $ALIVE; nudges_possible_duplicates_total $POSSIBLE_DUPS; rows put back after a lease expiry $RECOVERED;" \
     "log lines WARN $(grep -c ' WARN ' "$LOGS/app.log" || true), ERROR $(grep -c ' ERROR ' "$LOGS/app.log" || true)"

FAIL=()
[[ "$(result_field "$CMD" errors)" == 0 && "$(result_field "$CMD" slow)" == 0 ]] || FAIL+=("a command failed or took more than 3 s")
[[ "$(result_field "$CMD" unavailable)" -gt 0 ]] || FAIL+=("no command saw 'temporarily unavailable' (was the database really down?)")
[[ -n "$FIRST_503" && "$FIRST_503" -ge "$T_STOP" ]] || FAIL+=("/healthz never left 200 during the outage (or before it)")
[[ "$HEALTHZ_NOW" == 200 && -n "$BACK_200" ]] || FAIL+=("/healthz did not come back to 200")
[[ "$ALIVE" == yes ]] || FAIL+=("the app process died")
[[ "$(result_field "$WAVE" distinct)" == "$MANAGERS" ]] || FAIL+=("nudges lost: $(( MANAGERS - $(result_field "$WAVE" distinct) ))")
[[ "$(result_field "$WAVE" duplicates)" == 0 ]] || FAIL+=("nudges doubled: $(result_field "$WAVE" duplicates) (counted as possible duplicates: $POSSIBLE_DUPS)")
[[ "$(result_field "$WAVE" sent_rows)" == "$MANAGERS" ]] || FAIL+=("rows not SENT at the end")
if ((${#FAIL[@]} == 0)); then echo "fail-postgres: PASS"; else printf 'fail-postgres: FAIL: %s\n' "${FAIL[@]}"; fi
echo "logs: $LOGS"
((${#FAIL[@]} == 0))
