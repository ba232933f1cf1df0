# Shared helpers for the benchmark scripts. Source it from the repo root.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PG=${PG:-"postgresql://127.0.0.1:5432"}
PGUSER=${PGUSER:-postgres}
SECRET=8f742231b10e8888abcd99yyyzzz85a5   # the test suite's signing secret (SlackRequests.SIGNING_SECRET)
FAKE_PORT=${FAKE_PORT:-18100}
FAKE_CTL=${FAKE_CTL:-18101}
LOGS=${LOGS:-"$ROOT/target/bench-logs"}
mkdir -p "$LOGS"
PIDS=()

build() {
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    mvn -B -q -DskipTests package
    mvn -B -q test-compile
    mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-cp.txt
  fi
  CP="target/test-classes:target/classes:$(cat target/test-cp.txt)"
}

bench_java() { java -Xmx512m -cp "$CP" "$@"; }

fresh_db() { # fresh_db NAME
  psql -q -h 127.0.0.1 -U "$PGUSER" -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"
}

start_fake() { # start_fake [threads]
  ( exec java -Xmx512m -cp "$CP" com.bossreview.bench.FakeSlackServer "$FAKE_PORT" "$FAKE_CTL" "${1:-64}" ) >"$LOGS/fake.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$FAKE_CTL/stats" >/dev/null && return 0; sleep 0.1; done
  echo "fake slack did not start" >&2; return 1
}

# start_app NAME PORT DBNAME -> sets APP_PID, prints ms to healthy
start_app() {
  local name=$1 port=$2 db=$3 t0
  t0=$(date +%s%3N)
  DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$db?user=$PGUSER" SLACK_BOT_TOKEN=xoxb-bench \
    SLACK_SIGNING_SECRET=$SECRET SLACK_API_URL="http://127.0.0.1:$FAKE_PORT/api/" PORT=$port BIND_HOST=127.0.0.1 \
    java -Xmx256m ${APP_JAVA_OPTS:-} -jar target/bossreview.jar >"$LOGS/$name.log" 2>&1 &
  APP_PID=$!
  PIDS+=($APP_PID)
  for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
      echo "$name (pid $APP_PID) healthy after $(( $(date +%s%3N) - t0 )) ms"; return 0
    fi
    sleep 0.05
  done
  echo "$name did not become healthy" >&2; return 1
}

rss() { awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$1/status"; }

stop_all() {
  for p in "${PIDS[@]:-}"; do [[ -n "$p" ]] && kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]:-}"; do [[ -n "$p" ]] && wait "$p" 2>/dev/null || true; done
  PIDS=()
}
trap stop_all EXIT
