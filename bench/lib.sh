# Shared helpers for the benchmark scripts. Source it from the repo root.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# The app is built for Java 25 (as in .ci/run): every java and mvn below is that JDK's.
if ! "${JAVA_HOME:-/nonexistent}/bin/java" -version 2>&1 | grep -q 'version "25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export PATH="$JAVA_HOME/bin:$PATH"
PG=${PG:-"postgresql://127.0.0.1:5432"}
PGUSER=${PGUSER:-postgres}
PGHOSTPORT=${PGHOSTPORT:-127.0.0.1:5432}   # the server fresh_db and start_app use (failure scripts point it elsewhere)
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

jdbc_url() { # jdbc_url DBNAME -> the JDBC URL of that database on $PGHOSTPORT
  echo "jdbc:postgresql://$PGHOSTPORT/$1?user=$PGUSER"
}

sql() { # sql DBNAME STATEMENT -> unaligned, tuples only
  psql -tA -h "${PGHOSTPORT%:*}" -p "${PGHOSTPORT#*:}" -U "$PGUSER" -d "$1" -c "$2"
}

fresh_db() { # fresh_db NAME
  psql -q -h "${PGHOSTPORT%:*}" -p "${PGHOSTPORT#*:}" -U "$PGUSER" -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"
}

start_fake() { # start_fake [threads]   (FAKE_JAVA: another JVM for the fake)
  ( exec ${FAKE_JAVA:-java} -Xmx512m -cp "$CP" com.bossreview.bench.FakeSlackServer "$FAKE_PORT" "$FAKE_CTL" "${1:-64}" ) >"$LOGS/fake.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$FAKE_CTL/stats" >/dev/null && return 0; sleep 0.1; done
  echo "fake slack did not start" >&2; return 1
}

# Multi-workspace mode (MULTI_WORKSPACE=1 for start_app): the app's OAuth credentials and the key that seals
# the stored bot tokens (NudgeWave install seals them with the same key). The benchmark's own, not secrets.
BENCH_CLIENT_ID=${BENCH_CLIENT_ID:-1111111111.2222222222}
BENCH_CLIENT_SECRET=${BENCH_CLIENT_SECRET:-bench-client-secret-0123456789abcdef}
BENCH_ENCRYPTION_KEY=${BENCH_ENCRYPTION_KEY:-bench-token-sealing-key-0123456789-abcdefghij}

# start_app NAME PORT DBNAME -> sets APP_PID, prints ms to healthy and to ready
# Single workspace (bot token xoxb-bench) unless MULTI_WORKSPACE=1: then client id/secret and a sealing key,
# and each workspace's token comes from the installation table.
start_app() {
  local name=$1 port=$2 db=$3 t0
  local creds=(SLACK_BOT_TOKEN=xoxb-bench)
  if [[ "${MULTI_WORKSPACE:-0}" == 1 ]]; then
    creds=(SLACK_CLIENT_ID="$BENCH_CLIENT_ID" SLACK_CLIENT_SECRET="$BENCH_CLIENT_SECRET" BOSSREVIEW_ENCRYPTION_KEY="$BENCH_ENCRYPTION_KEY")
  fi
  t0=$(date +%s%3N)
  env "${creds[@]}" DATABASE_URL="$(jdbc_url "$db")" \
    SLACK_SIGNING_SECRET=$SECRET SLACK_API_URL="http://127.0.0.1:$FAKE_PORT/api/" PORT=$port BIND_HOST=127.0.0.1 \
    ${APP_JAVA:-java} -Xmx256m ${APP_JAVA_OPTS:-} -jar target/bossreview.jar >"$LOGS/$name.log" 2>&1 &
  APP_PID=$!
  PIDS+=($APP_PID)
  local healthy=""
  for _ in $(seq 1 2400); do
    if [[ -z $healthy ]] && curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
      healthy=$(( $(date +%s%3N) - t0 ))
    fi
    # Ready once its warm-up is over (up to 60 s): the benchmark's load must not run beside the warm-up's own.
    if [[ -n $healthy ]] && curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then
      echo "$name (pid $APP_PID) healthy after $healthy ms, ready after $(( $(date +%s%3N) - t0 )) ms"; return 0
    fi
    sleep 0.05
  done
  echo "$name did not become ${healthy:+ready}${healthy:-healthy}" >&2; return 1
}

# --- failure scripts -----------------------------------------------------------------------------
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PRIVATE_PG_DIR=""

as_postgres() { # PostgreSQL refuses to run as root
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# private_pg_init PORT: a throw-away cluster in a temp dir, listening on 127.0.0.1:PORT, trust auth;
# points PGHOSTPORT at it. Stopped and deleted on exit. Never touches the shared server.
private_pg_init() {
  local port=$1
  if psql -h 127.0.0.1 -p "$port" -U "$PGUSER" -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
    echo "port $port already has a PostgreSQL: choose another PRIVATE_PG_PORT" >&2; return 1
  fi
  PRIVATE_PG_DIR=$(mktemp -d /tmp/bossreview-pg.XXXXXX)
  [[ $(id -u) == 0 ]] && chown postgres "$PRIVATE_PG_DIR"
  as_postgres "$PG_BIN/initdb" -D "$PRIVATE_PG_DIR/data" -A trust -U "$PGUSER" >"$LOGS/initdb.log" 2>&1
  PRIVATE_PG_PORT=$port
  PGHOSTPORT="127.0.0.1:$port"
  private_pg_start
}

private_pg_start() {
  as_postgres "$PG_BIN/pg_ctl" -D "$PRIVATE_PG_DIR/data" -l "$PRIVATE_PG_DIR/server.log" -w \
    -o "-p $PRIVATE_PG_PORT -k $PRIVATE_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
}

private_pg_stop() { # private_pg_stop fast|immediate
  as_postgres "$PG_BIN/pg_ctl" -D "$PRIVATE_PG_DIR/data" -m "${1:-fast}" -w stop >/dev/null
}

private_pg_cleanup() {
  if [[ -n "$PRIVATE_PG_DIR" ]]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PRIVATE_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    cp "$PRIVATE_PG_DIR/server.log" "$LOGS/private-pg.log" 2>/dev/null || true
    rm -rf "$PRIVATE_PG_DIR"
    PRIVATE_PG_DIR=""
  fi
}

# healthz_watch PORT FILE: polls /healthz every 200 ms in the background, one "epoch_ms code" line per poll
healthz_watch() {
  ( while true; do
      code=$(curl -s -o /dev/null -m 3 -w '%{http_code}' "http://127.0.0.1:$1/healthz" || true)
      echo "$(date +%s%3N) $code"
      sleep 0.2
    done ) >"$2" 2>/dev/null &
  PIDS+=($!)
  HEALTHZ_PID=$!
}

# healthz_timeline FILE T0: the code changes, times relative to T0 in seconds
healthz_timeline() {
  awk -v t0="$2" '$2 != prev { printf "%s%+.1fs:%s", sep, ($1 - t0) / 1000, $2; sep = " -> "; prev = $2 } END { print "" }' "$1"
}

fake_stat() { # fake_stat KEY -> one figure from the fake Slack's /stats
  curl -sf "http://127.0.0.1:$FAKE_CTL/stats" | tr ' ' '\n' | sed -n "s/^$1=//p"
}

metric() { # metric PORT NAME -> the sum of a Prometheus metric's samples on the app's /metrics (0 if absent)
  curl -sf "http://127.0.0.1:$1/metrics" | awk -v n="$2" '$1 == n || index($1, n "{") == 1 { s += $2 } END { printf "%d\n", s }'
}

result_field() { # result_field "RESULT a=1 b=2" b -> 2
  tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"
}

rss() { awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$1/status"; }

stop_all() {
  for p in "${PIDS[@]:-}"; do [[ -n "$p" ]] && kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]:-}"; do [[ -n "$p" ]] && wait "$p" 2>/dev/null || true; done
  PIDS=()
  private_pg_cleanup
}
trap stop_all EXIT
