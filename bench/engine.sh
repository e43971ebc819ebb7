#!/usr/bin/env bash
# Time of one assessment in-process (warm, median of many), over samples/*.json. Not a test; not in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -q -B package -DskipTests
cp="target/quarkus-app/app/*:$(ls target/quarkus-app/lib/main/*.jar | tr '\n' ':')"
java -Xmx512m -cp "$cp" bench/EngineBench.java 2>&1 | grep -v -E "WARN|SLF4J"
