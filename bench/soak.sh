#!/usr/bin/env bash
# Issue 9: soak and overload, one command each; results in bench/target/soak-*.txt, copied into docs/reliability.md.
# Run from the repository root after `mvn -B -DskipTests install`.
#
#   bench/soak.sh soak national|demo [SECONDS] [RATE]   mixed public traffic at RATE requests/s for SECONDS (default 600 s),
#                                                       heap (after a full GC), RSS and open files before and after
#   bench/soak.sh overload national|demo               far more connections than the portal serves at once: fast 503s, no timeouts
#   bench/soak.sh storm demo [SECONDS] [ATTACKERS] [RATE]  sign-in hammered from 4,096 addresses while residents search (issue 20)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
T=bench/target
JAR=${JAR:-app/target/vsmap.jar}
PORT=${PORT:-7095}
mode=${1:-}; set_name=${2:-demo}
case $set_name in
  national) DATA=$T/national-h2 ;;
  demo) DATA=$T/soak-demo ;;
  *) echo "data: national or demo" >&2; exit 2 ;;
esac

start_portal() { # → PID; the demo set is made on first start
  java -Xmx2g -Xms2g --add-modules jdk.incubator.vector -jar "$JAR" serve --port "$PORT" --data-dir "$DATA" --rate-limit "${RATE_LIMIT:-0}" \
    > "$T/soak-serve.log" 2>&1 &
  echo $!
}
wait_ready() { until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health") == 200 ]]; do sleep 0.5; done; }
sample() { # pid label → one line: heap used after a full GC, RSS, open files, threads
  local pid=$1 heap
  jcmd "$pid" GC.run > /dev/null; sleep 1
  heap=$(jcmd "$pid" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K,?","",v); print int(v/1024); exit}}')
  printf '%-6s heap used after full GC %s MB, RSS %s MB, open files %s, threads %s\n' "$2" "$heap" \
    $(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 )) "$(ls "/proc/$pid/fd" | wc -l)" "$(ls "/proc/$pid/task" | wc -l)"
}
cp_arg() {
  # offline first; online once when the dependency plugin has never been downloaded on this machine
  mvn -B -q -o dependency:build-classpath -pl bench -Dmdep.outputFile="$PWD/$T/bench-cp.txt" > /dev/null 2>&1 \
    || mvn -B -q dependency:build-classpath -pl bench -Dmdep.outputFile="$PWD/$T/bench-cp.txt" > /dev/null
  echo "bench/target/classes:$(cat $T/bench-cp.txt)"
}

case $mode in
  soak)
    seconds=${3:-600}; rate=${4:-300}; out=$T/soak-$set_name.txt
    cp=$(cp_arg); pid=$(start_portal); trap 'kill $pid 2>/dev/null || true' EXIT
    wait_ready
    java -cp "$cp" org.vsmap.bench.SoakRun "http://127.0.0.1:$PORT" 30 "$rate" > /dev/null || true   # warm-up
    { echo "## soak: $seconds s at $rate requests/s on the $set_name set (portal -Xmx2g, same machine)"
      sample "$pid" before
      java -cp "$cp" org.vsmap.bench.SoakRun "http://127.0.0.1:$PORT" "$seconds" "$rate"; status=$?
      sample "$pid" after
      echo "exit $status; 5xx in the portal's log: $(grep -c ' 500 \|unexpected failure' "$T/soak-serve.log" || true)"; } | tee "$out"
    ;;
  overload)
    out=$T/soak-overload-$set_name.txt
    pid=$(start_portal); trap 'kill $pid 2>/dev/null || true' EXIT
    wait_ready
    ulimit -n 65536 || true
    { echo "## overload: wrk -t2 -c2000 -d30s --timeout 10s on /api/search (the portal works on 8 a core at once, queues 1,024 for 2 s)"
      wrk -t2 -c2000 -d30s --timeout 10s --latency -s bench/wrk/statuses.lua "http://127.0.0.1:$PORT" 2>&1
      echo "## afterwards, one request"; curl -s -o /dev/null -w 'GET /health → %{http_code} in %{time_total} s\n' "http://127.0.0.1:$PORT/health"
      sample "$pid" after; } | tee "$out"
    ;;
  storm)
    seconds=${3:-30}; attackers=${4:-48}; rate=${5:-100}; out=$T/soak-storm-$set_name.txt
    cp=$(cp_arg)
    if [[ ! -d $DATA ]]; then pid=$(start_portal); wait_ready; kill "$pid"; wait "$pid" 2>/dev/null || true; fi
    VSMAP_NEW_PASSWORD='storm-office-Passw0rd!' java -jar "$JAR" account add stormoffice --role office --region 150602 \
      --data-dir "$DATA" > /dev/null 2>&1 || true   # already there on a second run
    pid=$(start_portal); trap 'kill $pid 2>/dev/null || true' EXIT
    wait_ready
    { echo "## storm: $rate wrong passwords a second over $attackers connections from 4,096 addresses while 4 residents search ($seconds s each phase, portal -Xmx2g, same 2 cores)"
      java -cp "$cp" org.vsmap.bench.SignInStorm "http://127.0.0.1:$PORT" "$seconds" "$attackers" stormoffice 'storm-office-Passw0rd!' "$rate"
      echo "portal log: $(grep -c "unexpected failure" "$T/soak-serve.log" || true) unexpected failures"; } | tee "$out"
    ;;
  *) sed -n 2,9p "$0"; exit 2 ;;
esac
