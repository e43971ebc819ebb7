#!/usr/bin/env bash
# Replay of many stored dossiers on H2 (issue 18: 100,000 in at most 90 s with -Xmx512m, heap flat). One sample is
# filed over HTTP; SQL copies it into DOSSIERS dossiers (each its own id, version and filed assessment) through H2's
# automatic server, while the service runs; then POST /api/v1/replays is timed until DONE, the heap sampled each
# second with jstat. Seeded dossiers have no audit entries of their own (the replay's are appended). Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
DOSSIERS=${DOSSIERS:-100000}
PORT=${PORT:-18242}
THREADS=${THREADS:-2}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx512m -XX:+UseSerialGC"}
# APP: another build to measure (for a comparison); by default this tree's, packaged when out of date.
if [ -z "${APP:-}" ]; then
  source bench/build.sh
  APP=target/quarkus-app
fi
# JFR=file records a flight recording of the replay (from its start to DONE), for `jfr print`.
H2=$(ls ~/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar)
data=$(mktemp -d)
URL="jdbc:h2:file:$data/phendau;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000"
printf 'bench-officer:bench-officer-pass:OFFICER\nbench-admin:bench-admin-pass:ADMIN\n' > "$data/users.txt"
# shellcheck disable=SC2086
java $JAVA_OPTS "-Dquarkus.datasource.jdbc.url=$URL" -Dphendau.security.users-file="$data/users.txt" -Dphendau.replay.threads="$THREADS" -Dquarkus.http.port="$PORT" \
  -jar "$APP/quarkus-run.jar" > /tmp/phendau-replay-bench.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; kill $jstat 2>/dev/null || true; rm -rf "$data"' EXIT
jstat=0
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" | grep -q UP; do sleep 0.5; done
curl -sf -o /dev/null -u bench-officer:bench-officer-pass -H 'Content-Type: application/json' --data-binary @samples/01-lang-son-duong-cua-khau-tan-thanh.json \
  "http://127.0.0.1:$PORT/api/v1/dossiers"
seed_start=$(date +%s.%N)
java -cp "$H2" org.h2.tools.Shell -url "$URL" -user sa -password '' -sql "
INSERT INTO dossier (project_id, project_name, province, province_key, search_text, verdict, score, current_version, created_at, updated_at)
  SELECT 'R-' || X, project_name, province, province_key, search_text, verdict, score, 1, created_at, updated_at
  FROM dossier, SYSTEM_RANGE(1, $DOSSIERS) WHERE project_id = 'LS-2026-014';
INSERT INTO dossier_version (project_id, n, proposal_json, proposal_sha256, filed_at, filed_by)
  SELECT 'R-' || X, 1, REPLACE(proposal_json, '\"LS-2026-014\"', '\"R-' || X || '\"'), proposal_sha256, filed_at, filed_by
  FROM dossier_version, SYSTEM_RANGE(1, $DOSSIERS) WHERE project_id = 'LS-2026-014';
INSERT INTO assessment (version_id, project_id, n, answer_gzip, judgement_sha256, ruleset_version, ruleset_fingerprint, verdict, score, assessed_at, kind)
  SELECT v.id, v.project_id, 1, a.answer_gzip, a.judgement_sha256, a.ruleset_version, a.ruleset_fingerprint, a.verdict, a.score, a.assessed_at, 'FILED'
  FROM dossier_version v, assessment a WHERE v.project_id LIKE 'R-%' AND a.project_id = 'LS-2026-014';
SELECT COUNT(*) FROM dossier;" | tail -2
echo "seeded $DOSSIERS dossiers in $(echo "$(date +%s.%N) - $seed_start" | bc) s"
jstat -gc "$pid" 1000 > /tmp/phendau-replay-heap.txt &
jstat=$!
[ -z "${JFR:-}" ] || jcmd "$pid" JFR.start name=replay settings=profile filename="$JFR" > /dev/null
cpu() { awk '{print ($14 + $15) / 100}' "/proc/$pid/stat"; }  # the service's CPU seconds so far (user + system)
cpu_start=$(cpu)
start=$(date +%s.%N)
id=$(curl -sf -u bench-admin:bench-admin-pass -X POST "http://127.0.0.1:$PORT/api/v1/replays" | sed 's/.*"replayId":\([0-9]*\).*/\1/')
until curl -sf -u bench-admin:bench-admin-pass "http://127.0.0.1:$PORT/api/v1/replays/$id" | grep -Eq '"status":"(DONE|FAILED)"'; do sleep 1; done
took=$(echo "$(date +%s.%N) - $start" | bc)
cpu_took=$(echo "$(cpu) - $cpu_start" | bc)
status=$(curl -sf -u bench-admin:bench-admin-pass "http://127.0.0.1:$PORT/api/v1/replays/$id")
kill $jstat
[ -z "${JFR:-}" ] || jcmd "$pid" JFR.stop name=replay > /dev/null
echo "replay: $status"
# Heap used after each second (survivors + eden + old, KB), its first, largest and last.
heap=$(awk 'NR > 1 {printf "%d\n", ($3 + $4 + $6 + $8) / 1024}' /tmp/phendau-replay-heap.txt)
echo "heap used (MB) each second: $(echo "$heap" | tr '\n' ' ')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); JVM options: $JAVA_OPTS; replay threads: $THREADS"
echo "replayed $DOSSIERS dossiers on H2 in $(printf %.1f "$took") s ($(echo "$DOSSIERS / $took" | bc) a second; service CPU $(printf %.1f "$cpu_took") s, $(echo "$cpu_took * 1000000 / $DOSSIERS" | bc) µs a dossier), heap used $(echo "$heap" | sort -n | head -1)-$(echo "$heap" | sort -n | tail -1) MB"
