#!/usr/bin/env bash
# Filing over HTTP (POST /api/v1/dossiers, each request a new project) against the stateless POST /api/v1/assessments,
# in the same run, same service, 16 connections (CONNECTIONS), with wrk over the samples. DB=h2 (default: an H2 file
# in a fresh temporary folder) or DB=postgresql (PG_URL, PG_USER, PG_PASSWORD; the service is then built for it, in
# target/bench-pg, and the database's tables are emptied first). Filing signs in as an officer of a users file of its
# own: SIGN_IN=session (default) sends the login form's session cookie, as a client that signs in once does;
# SIGN_IN=basic sends HTTP Basic with each request, so each filing also pays for a bcrypt check of the password.
# Prints the filing/stateless ratio last.
# Not a test; not in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s}
PORT=${PORT:-18105}
DB=${DB:-h2}
SIGN_IN=${SIGN_IN:-session}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx512m -Xms64m -XX:+UseSerialGC"}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
data=$(mktemp -d)
if [ "$DB" = postgresql ]; then
  APP=target/bench-pg
  if [ ! -f "$APP/quarkus-run.jar" ]; then
    ./mvnw -q -B package -DskipTests -Dquarkus.datasource.db-kind=postgresql -Dquarkus.package.output-directory=bench-pg
  fi
  PGPASSWORD="$PG_PASSWORD" psql "${PG_URL#jdbc:}" -U "$PG_USER" -qc 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' \
    2>/dev/null || PGPASSWORD="$PG_PASSWORD" psql -h localhost -U "$PG_USER" -d "${PG_URL##*/}" -qc 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;'
  DB_OPTS="-Dquarkus.datasource.jdbc.url=$PG_URL -Dquarkus.datasource.username=$PG_USER -Dquarkus.datasource.password=$PG_PASSWORD"
else
  source bench/build.sh
  APP=target/quarkus-app
  DB_OPTS="-Dquarkus.datasource.jdbc.url=jdbc:h2:file:$data/phendau;LOCK_TIMEOUT=10000"
fi
printf 'bench-officer:bench-officer-pass:OFFICER\nbench-admin:bench-admin-pass:ADMIN\n' > "$data/users.txt"
# shellcheck disable=SC2086
java $JAVA_OPTS $DB_OPTS -Dphendau.security.users-file="$data/users.txt" -Dphendau.replay.threads=0 -Dquarkus.http.port="$PORT" -jar "$APP/quarkus-run.jar" > /tmp/phendau-dossiers-bench.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" | grep -q UP; do sleep 0.2; done
export SAMPLES=$(ls samples/*.json | tr '\n' ':')
if [ "$SIGN_IN" = basic ]; then
  export AUTH="Basic $(printf bench-officer:bench-officer-pass | base64)"
else
  # The login form carries its anti-forgery token (a cookie, and the same value in the form): read both first.
  token=$(curl -s -c "$data/cookies" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -b "$data/cookies" -c "$data/cookies" -d j_username=bench-officer -d j_password=bench-officer-pass \
    -d csrf="$token" "http://127.0.0.1:$PORT/j_security_check"
  export COOKIE="phendau-session=$(awk '$6 == "phendau-session" {print $7}' "$data/cookies")"
  [ "$COOKIE" != "phendau-session=" ] || { echo "sign-in failed"; exit 1; }
fi
run() {  # script endpoint -> RESULT line
  RUN_TAG=W$RANDOM wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s "$1" "http://127.0.0.1:$PORT$2" > /dev/null
  RUN_TAG=M$RANDOM wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$1" "http://127.0.0.1:$PORT$2" | grep RESULT
}
stateless=$(run bench/samples.lua /api/v1/assessments)
filing=$(run bench/dossiers.lua /api/v1/dossiers)
stateless2=$(run bench/samples.lua /api/v1/assessments)
audit=$(curl -s -u bench-admin:bench-admin-pass "http://127.0.0.1:$PORT/api/v1/audit/verify")
echo "DB=$DB sign-in: $SIGN_IN; JVM options: $JAVA_OPTS; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "stateless:       $stateless"
echo "filing:          $filing"
echo "stateless again: $stateless2"
echo "audit after the load: $audit"
python3 - "$stateless" "$filing" "$stateless2" "$DB" "$CONNECTIONS" <<'PY'
import re, sys
s1, f, s2 = (dict(re.findall(r"(\w+)=([\d.]+)", a)) for a in sys.argv[1:4])
s = (float(s1['rps']) + float(s2['rps'])) / 2
errors = sum(int(float(x['non2xx'])) + int(float(x['socket_errors'])) for x in (s1, f, s2))
print(f"filing on {sys.argv[4]} at {float(f['rps']) / s * 100:.0f}% of the stateless assessment "
      f"({float(f['rps']):.0f} vs {s:.0f} req/s, the stateless mean of before and after), filing p99 {float(f['p99_ms']):.1f} ms, "
      f"{errors} errors, {sys.argv[5]} connections")
PY
