#!/usr/bin/env bash
# Browser tests against the running demo application:
#   .ci/browser-tests.sh .ci/tasklist-browser-test.mjs [more.mjs ...]
# Builds the jar (tests skipped: `./mvnw verify` runs them), starts the demo profile
# on a free port with a fresh data directory, waits until it is healthy, runs each
# given script with BASE_URL and OUT (target/browser-tests/<script name>/, its
# screenshots) set, and stops the application. Exit code: the first failing
# script's, or 1 if the application did not start. Needs Node (with
# `npm ci --prefix .ci/lint`) and chromium (CHROMIUM, default /usr/bin/chromium).
# SKIP_BUILD=1 reuses target/*.jar; START_TIMEOUT (seconds, default 300).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "$#" -eq 0 ]; then
  echo "usage: $0 test.mjs [more.mjs ...]" >&2
  exit 2
fi

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -B -q package -DskipTests -Djacoco.skip=true
fi
jar=$(ls target/idea-to-service-*.jar | grep -v original | head -n 1)

port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
data=$(mktemp -d)
out_root="target/browser-tests"
mkdir -p "$out_root"
log="$out_root/application.log"

# one deferral of a council vote reaches "Decide on deferred agenda item": a deferred vote can only be recorded on
# its session's day, so the same-day walk through every form (tasklist-forms-browser-test.mjs) cannot defer three times
java -jar "$jar" --spring.profiles.active=demo --server.port="$port" \
  --idea-to-service.data-dir="$data" --idea-to-service.council.max-deferrals=1 >"$log" 2>&1 &
app=$!
cleanup() {
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

base="http://127.0.0.1:$port"
deadline=$((SECONDS + ${START_TIMEOUT:-300}))
until curl -fsS "$base/actuator/health/readiness" >/dev/null 2>&1; do
  if ! kill -0 "$app" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
    echo "the application did not start; the end of $log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  sleep 2
done
echo "application up at $base (log: $log)"

status=0
for script in "$@"; do
  name=$(basename "$script" .mjs)
  echo "---- $script"
  if ! BASE_URL="$base" OUT="$out_root/$name" node "$script"; then
    echo "FAILED: $script (screenshots in $out_root/$name)" >&2
    [ "$status" -ne 0 ] || status=1
  fi
done
exit "$status"
