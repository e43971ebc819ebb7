#!/usr/bin/env bash
# Refreshes the tracked pictures and pages the README shows: docs/screenshots/*.png (BrowserTest's walk through the
# pages) and docs/criteria.md (CriteriaPageTest, from what the service serves). A run of the tests never writes them:
# CriteriaPageTest compares docs/criteria.md instead, and BrowserTest puts its screenshots under target/screenshots.
# Run it after changing the pages or the rules, look at the result (git diff --stat docs/), and commit it.
set -euo pipefail
cd "$(dirname "$0")/.."
PHENDAU_WRITE_DOCS=1 ./mvnw -B test -Dtest='BrowserTest,CriteriaPageTest' -Dsurefire.failIfNoSpecifiedTests=false "$@"
git status --short docs/
