#!/usr/bin/env bash
# Two instances sharing a replay on PostgreSQL against one (issue 18). One sample is filed over HTTP, SQL copies it into
# DOSSIERS dossiers; a replay is timed with instance A alone, then a second replay with A and B (another process on the
# same database) sharing it. PG_URL, PG_USER, PG_PASSWORD name a database whose public schema is emptied first; the
# service is built for PostgreSQL into target/quarkus-app-postgresql if it is not there. Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
DOSSIERS=${DOSSIERS:-5000}
PORT_A=${PORT_A:-18246}
PORT_B=${PORT_B:-18247}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx512m -XX:+UseSerialGC"}
APP=target/quarkus-app-postgresql
if [ ! -f "$APP/quarkus-run.jar" ]; then
  ./mvnw -q -B package -DskipTests -Dquarkus.datasource.db-kind=postgresql -Dquarkus.package.output-directory=quarkus-app-postgresql
fi
psql_() { PGPASSWORD="$PG_PASSWORD" psql -h localhost -U "$PG_USER" -d "${PG_URL##*/}" -qtAc "$1"; }
psql_ 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;'
DB_OPTS="-Dquarkus.datasource.jdbc.url=$PG_URL -Dquarkus.datasource.username=$PG_USER -Dquarkus.datasource.password=$PG_PASSWORD"
users=$(mktemp)
printf 'bench-officer:bench-officer-pass:OFFICER\nbench-admin:bench-admin-pass:ADMIN\n' > "$users"
start() {  # port -> pid
  # shellcheck disable=SC2086
  java $JAVA_OPTS $DB_OPTS -Dphendau.security.users-file="$users" -Dphendau.warm-up=false -Dquarkus.http.port="$1" -jar "$APP/quarkus-run.jar" > "/tmp/phendau-replay-pg-$1.log" 2>&1 &
  echo $!
}
a=$(start "$PORT_A")
b=0
trap 'kill $a $b 2>/dev/null || true; rm -f "$users"' EXIT
until curl -sf "http://127.0.0.1:$PORT_A/q/health/ready" | grep -q UP; do sleep 0.5; done
curl -sf -o /dev/null -u bench-officer:bench-officer-pass -H 'Content-Type: application/json' --data-binary @samples/01-lang-son-duong-cua-khau-tan-thanh.json \
  "http://127.0.0.1:$PORT_A/api/v1/dossiers"
psql_ "
INSERT INTO dossier (project_id, project_name, province, province_key, search_text, verdict, score, current_version, created_at, updated_at)
  SELECT 'R-' || x, project_name, province, province_key, search_text, verdict, score, 1, created_at, updated_at
  FROM dossier, generate_series(1, $DOSSIERS) x WHERE project_id = 'LS-2026-014';
INSERT INTO dossier_version (project_id, n, proposal_json, proposal_sha256, filed_at, filed_by)
  SELECT 'R-' || x, 1, replace(proposal_json, '\"LS-2026-014\"', '\"R-' || x || '\"'), proposal_sha256, filed_at, filed_by
  FROM dossier_version, generate_series(1, $DOSSIERS) x WHERE project_id = 'LS-2026-014';
INSERT INTO assessment (version_id, project_id, n, answer_gzip, judgement_sha256, ruleset_version, ruleset_fingerprint, verdict, score, assessed_at, kind)
  SELECT v.id, v.project_id, 1, a.answer_gzip, a.judgement_sha256, a.ruleset_version, a.ruleset_fingerprint, a.verdict, a.score, a.assessed_at, 'FILED'
  FROM dossier_version v, assessment a WHERE v.project_id LIKE 'R-%' AND a.project_id = 'LS-2026-014';"
replay() {  # -> seconds
  local s id
  s=$(date +%s.%N)
  id=$(curl -sf -u bench-admin:bench-admin-pass -X POST "http://127.0.0.1:$PORT_A/api/v1/replays" | sed 's/.*"replayId":\([0-9]*\).*/\1/')
  until curl -sf -u bench-admin:bench-admin-pass "http://127.0.0.1:$PORT_A/api/v1/replays/$id" | grep -Eq '"status":"(DONE|FAILED)"'; do sleep 0.5; done
  curl -sf -u bench-admin:bench-admin-pass "http://127.0.0.1:$PORT_A/api/v1/replays/$id" | grep -q '"status":"DONE"' || echo "replay $id FAILED" >&2
  printf %.1f "$(echo "$(date +%s.%N) - $s" | bc)"
}
one=$(replay)
load1=$(cut -d' ' -f1-3 /proc/loadavg)
b=$(start "$PORT_B")
until curl -sf "http://127.0.0.1:$PORT_B/q/health/ready" | grep -q UP; do sleep 0.5; done
two=$(replay)
workers=$(psql_ "SELECT split_part(worker, '-', 3), COUNT(*) FROM replay_item WHERE replay_id = 2 GROUP BY 1" | tr '\n' ' ')
echo "load average: one instance $load1, two $(cut -d' ' -f1-3 /proc/loadavg); JVM options: $JAVA_OPTS; 2 replay threads each"
echo "second replay's dossiers by instance (pid|count): $workers"
echo "replay of $((DOSSIERS + 1)) dossiers on PostgreSQL: one instance $one s, two instances $two s"
