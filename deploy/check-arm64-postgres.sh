#!/usr/bin/env bash
# Runs the PostgreSQL that bossreview.jar carries for Linux arm64 (Graviton-class servers) on an
# x86-64 Linux box under qemu-user emulation, and starts bossreview-slim.jar against it: every
# migration runs on the arm64 server and /readyz answers 200. No arm64 machine needed.
#
#   mvn -B -DskipTests package && sudo deploy/check-arm64-postgres.sh
#
# Needs root: it installs Debian's qemu-user-static, libc6-arm64-cross and libstdc++6-arm64-cross
# when missing, and adds a system user `bossreview-pg` to run PostgreSQL (which refuses root); both
# stay afterwards (`apt-get remove …`, `userdel bossreview-pg` undo them). PG_PORT (55432) and
# APP_PORT (18089) must be free: it stops rather than talk to another server. The cluster is
# made by the x86-64 initdb from the same jar (same version, same on-disk format on both 64-bit
# little-endian platforms): the arm64 initdb would start `postgres -V` as a child, which needs the
# emulator registered with binfmt_misc; the arm64 server itself forks, it does not exec.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/bossreview.jar
SLIM=target/bossreview-slim.jar
PG_PORT=${PG_PORT:-55432}
APP_PORT=${APP_PORT:-18089}
PG_USER=bossreview-pg
[[ -f $JAR && -f $SLIM ]] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
[[ $(id -u) == 0 ]] || { echo "run as root (see the header)" >&2; exit 1; }
[[ $(uname -m) == x86_64 ]] || { echo "this check is for x86-64 Linux hosts" >&2; exit 1; }
if ! "${JAVA_HOME:-/nonexistent}/bin/java" -version 2>&1 | grep -q 'version "25'; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi

for port in "$PG_PORT" "$APP_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: set PG_PORT / APP_PORT to free ones" >&2
    exit 1
  fi
done
if ! command -v qemu-aarch64-static >/dev/null || [[ ! -e /usr/aarch64-linux-gnu/lib/libstdc++.so.6 ]]; then
  packages=(qemu-user-static libc6-arm64-cross libstdc++6-arm64-cross)
  apt-get install -y -q "${packages[@]}" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "${packages[@]}" >/dev/null; }
fi
id "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home "$PG_USER"

WORK=$(mktemp -d)
APP_PID=
# Stops a process and waits for it to be gone (up to 30 s, then KILL).
stop() {
  local pid=$1 signal=$2
  kill "-$signal" "$pid" 2>/dev/null || return 0
  for _ in $(seq 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  [[ -n $APP_PID ]] && stop "$APP_PID" TERM
  # the emulated postmaster, by its pid file or else by its data directory on the command line
  local pg
  pg=$(head -1 "$WORK/db/postmaster.pid" 2>/dev/null || pgrep -of "postgres -D $WORK/db" || true)
  [[ -n $pg ]] && stop "$pg" INT
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$WORK/arm64" "$WORK/x86_64"
unzip -p "$JAR" postgres-linux-arm_64.txz | tar -xJ -C "$WORK/arm64"
unzip -p "$JAR" postgres-linux-x86_64.txz | tar -xJ -C "$WORK/x86_64"
file -b "$WORK/arm64/bin/postgres" | cut -d, -f1-2
chown -R "$PG_USER" "$WORK"
chmod 755 "$WORK"

su "$PG_USER" -s /bin/bash -c "'$WORK/x86_64/bin/initdb' -D '$WORK/db' -U postgres -A trust -E UTF8 >'$WORK/initdb.log' 2>&1"
su "$PG_USER" -s /bin/bash -c "QEMU_LD_PREFIX=/usr/aarch64-linux-gnu LD_LIBRARY_PATH='$WORK/arm64/lib' \
  nohup qemu-aarch64-static '$WORK/arm64/bin/postgres' -D '$WORK/db' -p $PG_PORT \
  -c listen_addresses=127.0.0.1 -k '$WORK' >'$WORK/postgres.log' 2>&1 &"
ready=
for _ in $(seq 60); do
  grep -q "ready to accept connections" "$WORK/postgres.log" 2>/dev/null && { ready=1; break; }
  sleep 1
done
if [[ -z $ready ]]; then
  echo "FAILED: the arm64 PostgreSQL did not start; its log:" >&2
  tail -20 "$WORK/postgres.log" >&2
  exit 1
fi
grep -m1 "starting PostgreSQL" "$WORK/postgres.log" | sed 's/.*LOG: *//'

env -i PATH="$PATH" PORT=$APP_PORT \
  DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=postgres" \
  SLACK_CLIENT_ID=1111.2222 SLACK_CLIENT_SECRET=check SLACK_SIGNING_SECRET=check \
  BOSSREVIEW_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64) \
  "$JAVA_HOME/bin/java" -jar "$SLIM" >"$WORK/app.log" 2>&1 &
APP_PID=$!
start=$(date +%s)
status=000
for _ in $(seq 180); do
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT/readyz" || true)
  [[ $status == 200 ]] && break
  kill -0 "$APP_PID" 2>/dev/null || break
  sleep 1
done
if [[ $status != 200 ]]; then
  echo "FAILED: /readyz answered $status; the app's log:" >&2
  tail -20 "$WORK/app.log" >&2
  exit 1
fi
echo "bossreview-slim.jar ready on the arm64 PostgreSQL after $(( $(date +%s) - start )) s: /readyz 200"
if command -v psql >/dev/null; then
  query() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc "$1"; }
  query "SELECT version()" | grep -q aarch64 || { echo "FAILED: the server that answered is not the arm64 one" >&2; exit 1; }
  query "SELECT count(*) || ' migrations applied, the last V' || max(version::int) FROM flyway_schema_history WHERE success AND version IS NOT NULL"
fi
