#!/usr/bin/env bash
# Nudge wave: MANAGERS managers over TEAMS workspaces, all with their booking nudge in the same minute,
# against INSTANCES real app processes (1 or 2) and the fake Slack; then the fake Slack's ceiling.
# Usage: bench/run-wave.sh [instances=1] [managers=10000] [teams=100] [faults=none|mixed]
source "$(dirname "$0")/lib.sh"
INSTANCES=${1:-1}; MANAGERS=${2:-10000}; TEAMS=${3:-100}; FAULTS=${4:-none}
build
DB=bench_wave
fresh_db $DB
start_fake 64
curl -sf -X POST "http://127.0.0.1:$FAKE_CTL/faults?mode=$FAULTS" >/dev/null
WAVE_AT=$(bench_java com.bossreview.bench.NudgeWave prepare "jdbc:postgresql://127.0.0.1:5432/$DB?user=$PGUSER" "$MANAGERS" "$TEAMS" 25 | sed -n 's/^WAVE_AT=//p')
echo "wave minute: $(date -u -d @$((WAVE_AT/1000)) +%H:%M:%S) UTC, $MANAGERS managers, $TEAMS workspaces, $INSTANCES instance(s), faults=$FAULTS"
APPS=()
for i in $(seq 1 "$INSTANCES"); do
  start_app "app$i" $((18080 + i)) $DB
  APPS+=($APP_PID)
done
sleep 3
for p in "${APPS[@]}"; do echo "RSS before the wave, pid $p: $(rss $p)"; done
planned() { psql -tA -h 127.0.0.1 -U $PGUSER -d $DB -c "SELECT count(*) FROM nudge WHERE due_at = to_timestamp($WAVE_AT/1000.0)"; }
while (( $(planned) < MANAGERS && $(date +%s%3N) < WAVE_AT )); do sleep 0.2; done  # the materializer plans at start-up
echo "nudges planned for the wave minute: $(planned) (at $(date -u +%H:%M:%S.%3N))"
now=$(date +%s%3N); (( WAVE_AT > now )) || echo "WARNING: the apps were not up before the wave minute" >&2
# Is the app responsive while it works through the wave? 10 signed /bossreview status per second to
# instance 1 for the first 60 s of the wave, every answer classified (ok / later than 3 s / error).
# On with faults (or PROBE_COMMANDS=1); off otherwise, so the wave's own figures stay comparable.
PROBE=
if [[ "$FAULTS" == mixed || "${PROBE_COMMANDS:-0}" == 1 ]]; then
( sleep "$(awk -v ms=$((WAVE_AT - $(date +%s%3N))) 'BEGIN { print (ms > 0 ? ms / 1000 : 0) }')"
  bench_java com.bossreview.bench.CommandProbe "http://127.0.0.1:18081/slack/events" $SECRET 10 60 "$MANAGERS" "$TEAMS" \
    "$LOGS/wave-commands.csv" | grep -v '^RESULT' | sed 's/^/during the wave: /' ) &
PROBE=$!
fi
bench_java com.bossreview.bench.NudgeWave await "jdbc:postgresql://127.0.0.1:5432/$DB?user=$PGUSER" "http://127.0.0.1:$FAKE_CTL/" "$WAVE_AT" "$MANAGERS" 180
[[ -z "$PROBE" ]] || wait "$PROBE" || true
for p in "${APPS[@]}"; do echo "RSS after the wave, pid $p: $(rss $p)"; done
for i in $(seq 1 "$INSTANCES"); do echo "app$i /healthz: $(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$((18080 + i))/healthz)"; done
psql -tA -h 127.0.0.1 -U $PGUSER -d $DB -c "SELECT 'sent by instance ' || left(claimed_by, 8) || ': ' || count(*) FROM nudge WHERE state = 'SENT' GROUP BY claimed_by"
curl -sf -X POST "http://127.0.0.1:$FAKE_CTL/reset" >/dev/null
bench_java com.bossreview.bench.SlackCeiling "http://127.0.0.1:$FAKE_PORT/api/" 10000 16 app
bench_java com.bossreview.bench.SlackCeiling "http://127.0.0.1:$FAKE_PORT/api/" 10000 16 sdk
