#!/usr/bin/env bash
# Tools the tests use beyond Python packages:
# - Debian's chromium, for the real-browser tests of the HTML view;
# - Neo4j's own Cypher parser (npm @neo4j-cypher/language-support), to check every
#   statement the Neo4j loader sends, installed into tests/cypher-lint/node_modules.
# Each step is skipped when its tool is already there; without root or apt the
# browser tests skip with a reason.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "install_test_tools: no chromium and no root apt-get: browser tests will skip" >&2
  fi
fi
if [ -f tests/cypher-lint/package.json ] && command -v npm >/dev/null 2>&1; then
  if [ ! -d tests/cypher-lint/node_modules/@neo4j-cypher/language-support ]; then
    (cd tests/cypher-lint && npm install --no-audit --no-fund --silent)
  fi
fi
