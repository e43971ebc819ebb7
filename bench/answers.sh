#!/usr/bin/env bash
# Are this build's answers those of another build, byte for byte? For a change that should only make the service
# faster. Both builds check, from the command line, the 30 samples as one JSON list and a generated CSV list of
# ROWS rows (default 3,000: valid and invalid rows over every province and sector), each to a JSON report (every item
# in full, with its path to compliance) and to a CSV report (the summary detail). Only each assessment's
# `assessmentId` and `assessedAt` are blanked, since they differ from run to run; everything else must be equal.
# BASE=<another build's quarkus-app> is the build to compare with; without it, REF (default main) is built from
# git into /tmp. Prints "identical" last, or the reports that differ (and exits 1). Not a test; not in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build.sh
ROWS=${ROWS:-3000}
work=${WORK:-/tmp/phendau-answers}
mkdir -p "$work"
if [ -z "${BASE:-}" ]; then
  REF=${REF:-main}
  sha=$(git rev-parse --short "$REF")
  base_src=$work/base-$sha
  if [ ! -f "$base_src/target/quarkus-app/quarkus-run.jar" ]; then
    rm -rf "$base_src" && mkdir -p "$base_src"
    git archive "$sha" | tar -x -C "$base_src"
    (cd "$base_src" && ./mvnw -q -B -o package -DskipTests)
  fi
  BASE=$base_src/target/quarkus-app
fi

# The inputs: the samples as one list (in file order), and the generated rows.
python3 - "$work/samples.json" samples/[0-9]*.json <<'PY'
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump([json.load(open(f, encoding="utf-8")) for f in sys.argv[2:]], out, ensure_ascii=False)
PY
[ -f "$work/generated-$ROWS.csv" ] || java bench/GenerateList.java "$ROWS" "$work/generated-$ROWS.csv"

check() {  # check <app> <name> <list> <report>: exit 0 or 1 (some rows invalid, as meant) is an answer
  local rc=0
  java -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
      -Dquarkus.datasource.jdbc.url="jdbc:h2:file:$work/db-$2;DB_CLOSE_ON_EXIT=FALSE" \
      -jar "$1/quarkus-run.jar" check "$3" --out "$4" 2>/dev/null || rc=$?
  [ "$rc" -le 1 ] || { echo "check of $3 with $1 failed: exit $rc" >&2; exit 2; }
}

differ=()
for list in samples generated-$ROWS.csv; do
  case $list in samples) in=$work/samples.json ;; *) in=$work/$list ;; esac
  for out in json csv; do
    for side in base this; do
      app=$BASE; [ $side = this ] && app=target/quarkus-app
      report=$work/$side-${list//./-}.$out
      check "$app" "$side" "$in" "$report"
      # Blank what changes from run to run (a UUID, an instant), in both formats.
      sed -i -E 's/"assessmentId":"[^"]*"/"assessmentId":""/g; s/"assessedAt":"[^"]*"/"assessedAt":""/g' "$report"
    done
    a=$work/base-${list//./-}.$out
    b=$work/this-${list//./-}.$out
    if cmp -s "$a" "$b"; then
      echo "$list → .$out: identical ($(wc -c < "$b") bytes, sha256 $(sha256sum < "$b" | cut -c1-16))"
    else
      echo "$list → .$out: DIFFERENT (cmp: $(cmp "$a" "$b" 2>&1 | head -1))"
      differ+=("$list.$out")
    fi
  done
done
if [ ${#differ[@]} -eq 0 ]; then
  echo "answers of $(git rev-parse --short HEAD) against $BASE: identical"
else
  echo "answers of $(git rev-parse --short HEAD) against $BASE differ: ${differ[*]}"
  exit 1
fi
