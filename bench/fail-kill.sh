#!/usr/bin/env bash
# Failure check (b): the app killed with SIGKILL in the middle of a nudge wave and restarted on the same
# database. Expected: every nudge delivered; duplicates only inside the documented window (DMs Slack
# accepted that the dispatcher's marker had not committed yet: it commits every Dispatcher.MARK_WITHIN =
# 100 ms, so the window is the sends of the last ~100 ms, more if the box is too busy to run the marker),
# and counted in nudges_possible_duplicates_total.
# Rows the killed process had claimed come back only after the 2-minute lease (Dispatcher.LEASE): the
# script waits for them (AWAIT_TIMEOUT, default 420 s).
# Usage: bench/fail-kill.sh [managers=10000] [teams=100] [kill after N DMs=3000]
# Env: FAKE_PORT/FAKE_CTL=18200/18201, APP_PORT=18281, PGHOSTPORT=127.0.0.1:5432 (shared server, a fresh
#      database fail_kill), SKIP_BUILD=1, AWAIT_TIMEOUT=420.
FAKE_PORT=${FAKE_PORT:-18200}; FAKE_CTL=${FAKE_CTL:-18201}
LOGS=${LOGS:-"$(cd "$(dirname "$0")/.." && pwd)/target/bench-logs/fail-kill"}
source "$(dirname "$0")/lib.sh"
MANAGERS=${1:-10000}; TEAMS=${2:-100}; KILL_AT=${3:-3000}
APP_PORT=${APP_PORT:-18281}; AWAIT_TIMEOUT=${AWAIT_TIMEOUT:-420}
build
echo "load: $(uptime)"
DB=fail_kill
fresh_db $DB
URL=$(jdbc_url $DB)
start_fake 64
WAVE_AT=$(bench_java com.bossreview.bench.NudgeWave prepare "$URL" "$MANAGERS" "$TEAMS" 25 | sed -n 's/^WAVE_AT=//p')
echo "wave minute: $(date -u -d @$((WAVE_AT/1000)) +%H:%M:%S) UTC, $MANAGERS managers, $TEAMS workspaces; SIGKILL after $KILL_AT DMs"
start_app app-killed "$APP_PORT" $DB
KILLED=$APP_PID
deadline=$((WAVE_AT + 180000))
while (( $(fake_stat delivered) < KILL_AT )); do
  (( $(date +%s%3N) < deadline )) || { echo "FAIL: $KILL_AT DMs never delivered before the kill" >&2; exit 1; }
  sleep 0.02
done
kill -9 "$KILLED"
T_KILL=$(date +%s%3N)
wait "$KILLED" 2>/dev/null || true
AT_KILL=$(fake_stat delivered)
sleep 1
AFTER_KILL=$(fake_stat delivered)
STATES=$(sql $DB "SELECT string_agg(state || ' ' || n, ', ' ORDER BY state) FROM (SELECT state, count(*) n FROM nudge WHERE kind = 'BOOK_REVIEW' AND due_at <= to_timestamp($WAVE_AT/1000.0) GROUP BY state) s")
STRANDED=$(sql $DB "SELECT count(*) FROM nudge WHERE state = 'CLAIMED'")
UNMARKED=$((AFTER_KILL - $(sql $DB "SELECT count(*) FROM nudge WHERE state = 'SENT'")))
echo "killed (SIGKILL) at $(( (T_KILL - WAVE_AT) / 1000 )) s after the wave minute: $AT_KILL DMs delivered ($AFTER_KILL 1 s later);" \
     "rows: $STATES; $STRANDED claimed by the dead process; $UNMARKED DMs delivered but not marked SENT"
start_app app-restarted "$APP_PORT" $DB
RESTARTED=$APP_PID
T_RESTART=$(date +%s%3N)
echo "awaiting every nudge and the dead process's claims (lease 2 min from their claim)..."
AWAIT=$(bench_java com.bossreview.bench.NudgeWave await "$URL" "http://127.0.0.1:$FAKE_CTL/" "$WAVE_AT" "$MANAGERS" "$AWAIT_TIMEOUT" "$WAVE_AT" settle)
grep -v '^RESULT' <<<"$AWAIT"
WAVE=$(grep '^RESULT' <<<"$AWAIT")
T_DONE=$(date +%s%3N)
POSSIBLE_DUPS=$(metric "$APP_PORT" nudges_possible_duplicates_total)
SENT_AFTER=$(metric "$APP_PORT" nudges_sent_total)
RECOVERED=$({ grep -o '[0-9]* nudges claimed by a vanished dispatcher were put back' "$LOGS/app-restarted.log" || true; } | awk '{ s += $1 } END { print s + 0 }')
RECOVERED_AT=$({ grep -m1 'claimed by a vanished dispatcher were put back' "$LOGS/app-restarted.log" || true; } | cut -c1-12)
ATTEMPTS=$(sql $DB "SELECT string_agg(a || ' claim(s): ' || n, ', ' ORDER BY a) FROM (SELECT attempts a, count(*) n FROM nudge WHERE state = 'SENT' GROUP BY attempts) s" || true)
DUPS=$(result_field "$WAVE" duplicates); DISTINCT=$(result_field "$WAVE" distinct)

echo
echo "=== fail-kill summary (load: $(uptime | sed 's/.*load average: //')) ==="
echo "kill: after $AT_KILL DMs ($(( (T_KILL - WAVE_AT) / 1000 )) s into the wave); $STRANDED rows left CLAIMED by the dead process, $UNMARKED of them already delivered (unmarked)"
echo "after restart: $DISTINCT of $MANAGERS managers got their DM; $(result_field "$WAVE" delivered) DMs at the fake Slack, $DUPS duplicates" \
     "(window: the DMs not yet marked at the kill, $UNMARKED); rows SENT $(result_field "$WAVE" sent_rows)," \
     "CLAIMED $(result_field "$WAVE" claimed_rows), PENDING $(result_field "$WAVE" pending_rows)"
echo "restarted app: nudges_sent_total $SENT_AFTER, nudges_possible_duplicates_total $POSSIBLE_DUPS; rows put back after the lease: $RECOVERED" \
     "(first at ${RECOVERED_AT:-never}, kill at $(date -u -d @$((T_KILL/1000)) +%H:%M:%S)); last DM $(( ($(result_field "$WAVE" last_dm_ms) - T_KILL) / 1000 )) s after the kill;" \
     "SENT rows by attempts: $ATTEMPTS"

FAIL=()
[[ "$DISTINCT" == "$MANAGERS" ]] || FAIL+=("nudges lost: $((MANAGERS - DISTINCT)) never delivered")
[[ "$(result_field "$WAVE" sent_rows)" == "$MANAGERS" ]] || FAIL+=("rows not SENT at the end")
(( DUPS <= UNMARKED )) || FAIL+=("$DUPS duplicates but only $UNMARKED DMs were unmarked at the kill")
(( POSSIBLE_DUPS >= DUPS )) || FAIL+=("duplicates not counted: $DUPS at Slack, nudges_possible_duplicates_total $POSSIBLE_DUPS")
if ((${#FAIL[@]} == 0)); then echo "fail-kill: PASS"; else printf 'fail-kill: FAIL: %s\n' "${FAIL[@]}"; fi
echo "logs: $LOGS"
((${#FAIL[@]} == 0))
