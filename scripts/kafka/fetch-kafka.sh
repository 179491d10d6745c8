#!/usr/bin/env bash
# Resolves the Apache Kafka broker jars from Maven Central (cached in ~/.m2) and writes their
# classpath, so tests and developers can run a real KRaft broker without a container engine.
#
#   scripts/kafka/fetch-kafka.sh            # prints the classpath file's path on stdout
#   scripts/kafka/fetch-kafka.sh --classpath  # prints the classpath itself
#   KAFKA_CLASSPATH_FILE=/x/cp.txt scripts/kafka/fetch-kafka.sh
#
# The classpath file is named after a hash of test/kafka/pom.xml, so a version bump there fetches
# anew while an unchanged pom costs nothing (no Maven run at all when the file and its jars exist).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
pom="$root/test/kafka/pom.xml"
command -v java >/dev/null || { echo "fetch-kafka: java not found (the broker needs Java 17+)" >&2; exit 2; }

hash="$(sha256sum "$pom" | cut -c1-16)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/blo-ledger"
out="${KAFKA_CLASSPATH_FILE:-$cache/kafka-classpath-$hash.txt}"

complete() {
  [[ -s "$1" ]] || return 1
  local jar
  IFS=':' read -r -a jars <"$1"
  for jar in "${jars[@]}"; do [[ -f "$jar" ]] || return 1; done
}

if ! complete "$out"; then
  command -v mvn >/dev/null || { echo "fetch-kafka: mvn not found (needed once to fetch the Kafka jars)" >&2; exit 2; }
  mkdir -p "$(dirname "$out")"
  tmp="$out.$$.tmp"
  mvn -B -q -Dstyle.color=never -f "$pom" dependency:build-classpath -Dmdep.outputFile="$tmp" -Dmdep.includeScope=runtime >&2
  mv "$tmp" "$out"
fi
if [[ "${1:-}" == "--classpath" ]]; then cat "$out"; else echo "$out"; fi
