#!/usr/bin/env bash
# A generated list of ROWS proposals (default 100,000) checked from the command line with -Xmx512m, the way an
# office would run it: wall time from JVM start to exit (start-up and rule compilation included), rows per second,
# and peak resident memory. Target (issues 5 and 7): 100,000 rows in at most 15 s. Not a test; not in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-100000}
# The options README.md gives the command line; JAVA_OPTS=-Dx=1 for the JVM's defaults (G1, C1 and C2).
JAVA_OPTS=${JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}
APP=${APP:-target/quarkus-app}  # another build's quarkus-app, to compare two builds in one sitting
[ -f "$APP/quarkus-run.jar" ] || ./mvnw -q -B package -DskipTests
csv=/tmp/phendau-bench-$ROWS.csv
IN=${IN:-csv}  # the list's format: csv (the default) or json (the same rows as proposals, one element a line)
list=/tmp/phendau-bench-$ROWS.$IN
OUT=${OUT:-csv}  # the report's format: csv (the default), xlsx, or json (each item in full, with its path to compliance)
# CITATIONS=ref: the JSON report cites paragraphs and texts by reference, each once at its end (README, "By reference")
CITATIONS=${CITATIONS:-full}
report=/tmp/phendau-bench-$ROWS-report-$CITATIONS.$OUT
[ -f "$csv" ] || java bench/GenerateList.java "$ROWS" "$csv"
[ -f "$list" ] || java -cp "$APP/app/*:$APP/lib/main/*" bench/ListToJson.java "$csv" "$list"

run() {  # run <list> <report>: the check under /usr/bin/time if there is one; sets secs and rss_mb
    local timing; timing=$(mktemp)
    local start end rc=0
    start=$(date +%s.%N)
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v -o "$timing" java -Xmx512m $JAVA_OPTS -jar "$APP/quarkus-run.jar" check "$1" --out "$2" --citations=$CITATIONS || rc=$?
    else
        java -Xmx512m $JAVA_OPTS -jar "$APP/quarkus-run.jar" check "$1" --out "$2" --citations=$CITATIONS || rc=$?
    fi
    end=$(date +%s.%N)
    # 1: some rows are invalid, as the generator meant them to be; anything else is a failure.
    [ "$rc" -le 1 ] || { echo "check failed with exit code $rc" >&2; exit "$rc"; }
    secs=$(echo "$end - $start" | bc -l)
    rss_mb=$(awk '/Maximum resident set size/ {printf "%d", $NF / 1024}' "$timing" 2>/dev/null || true)
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {if (s) printf "%.1f", s}' "$timing" 2>/dev/null || true)
    rm -f "$timing"
}

# The fixed cost first: start-up, rule compilation and a one-row list.
one=/tmp/phendau-bench-1.csv
head -2 "$csv" > "$one"
run "$one" /tmp/phendau-bench-1-report.$OUT
fixed=$secs

run "$list" "$report"
rows_per_s=$(echo "$ROWS / $secs" | bc -l)
printf 'start-up with a 1-row list: %.1f s\n' "$fixed"
size_mb=$(( $(stat -c %s "$report") / 1000000 ))
printf '%d rows of .%s to a .%s report (citations=%s, %s MB): %.1f s wall (%.0f rows/s, start-up included), %s s CPU, peak RSS %s MB, -Xmx512m %s, %s\n' \
    "$ROWS" "$IN" "$OUT" "$CITATIONS" "$size_mb" "$secs" "$rows_per_s" "${cpu:-?}" "${rss_mb:-?}" "$JAVA_OPTS" "$(uptime | sed 's/.*load average/load average/')"
