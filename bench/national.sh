#!/usr/bin/env bash
# National scale, side by side (issue 8). One command per step; results go to bench/target/national-*.txt
# and are copied by hand into docs/performance.md. Run from the repository root, after `mvn -B -DskipTests install`.
#
#   bench/national.sh generate          the synthetic national set as import files   → bench/target/national-set
#   bench/national.sh import h2         import it into an embedded store (timed)      → bench/target/national-h2
#   bench/national.sh pg-start          a throwaway PostgreSQL + PostGIS cluster       → bench/target/pg (port $PGPORT)
#   bench/national.sh import postgis    import it into PostGIS through the same importer (timed)
#   bench/national.sh publish h2|postgis  the first dated version of every dataset in all six formats (timed, -Xmx2g)
#   bench/national.sh ready h2|postgis  start the portal with -Xmx2g twice: first start, then restart to ready; heap, RSS
#   bench/national.sh compare           ours vs PostGIS on the same data, in one run: nearest, viewport, clusters, tiles, text
#   bench/national.sh http h2|postgis   wrk -t2 -c32: /api/nearby on the portal (-Xmx2g) vs a trivial Javalin endpoint
#   (several nodes on one PostGIS: app/src/test/java/org/vsmap/app/TwoNodesIT.java, in the test suite)
#   bench/national.sh pg-stop
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH="$JAVA_HOME/bin:$PATH"
T=bench/target
SET=$T/national-set
PGPORT=${PGPORT:-55432}
PGDIR=$T/pg
DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/vsmap"
JAR=${JAR:-app/target/vsmap.jar}
JAVA_SERVE=(java -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$T/vsmap-bench.jsa" -Xmx2g -Xms2g --add-modules jdk.incubator.vector -jar "$JAR" serve --rate-limit 0)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

store_args() { # h2|postgis node-name → the portal's store options
  case $1 in
    h2) echo "--data-dir $T/national-h2" ;;
    postgis) echo "--data-dir $T/national-pg-${2:-node1} --db $DB_URL --db-user postgres" ;;
    *) echo "backend: h2 or postgis" >&2; exit 2 ;;
  esac
}

wait_ready() { # port → seconds until /health answers 200
  local t0; t0=$(date +%s.%N)
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/health") == 200 ]]; do sleep 0.1; done
  echo "$(date +%s.%N) - $t0" | bc
}

rss_mb() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$1/status") / 1024 )); }
heap_mb() { jcmd "$1" GC.heap_info 2>/dev/null | awk '/total/ && /used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K,?","",v); print int(v/1024); exit}}'; }

case "${1:-}" in
  generate)
    rm -rf "$SET"
    java -jar "$JAR" generate-national --out "$SET" ${2:+--villages $2}
    ;;
  import)
    args=$(store_args "${2:-h2}" node1)
    [[ ${2:-h2} == h2 ]] && rm -rf "$T/national-h2"
    out=$T/national-import-${2:-h2}.txt; : > "$out"
    total0=$(date +%s.%N)
    while read -r cmd; do
      f=$(awk '{print $3}' <<< "$cmd"); opts=$(cut -d' ' -f4- <<< "$cmd")
      t0=$(date +%s.%N)
      # shellcheck disable=SC2086
      java -Xmx8g -XX:+UseParallelGC --add-modules jdk.incubator.vector -jar "$JAR" import "$SET/$f" $opts $args > "$T/import-last.log"
      printf '%-24s %8.1f s  %s\n' "$f" "$(echo "$(date +%s.%N) - $t0" | bc)" "$(grep -m1 'records pass' "$T/import-last.log" | cut -d: -f2- | cut -c1-80)" | tee -a "$out"
    done < <(grep '^  ./vsmap import' "$SET/README.txt" | sed 's/^ *//')
    printf 'total %.1f s\n' "$(echo "$(date +%s.%N) - $total0" | bc)" | tee -a "$out"
    ;;
  pg-start)
    if [[ ! -d $PGDIR/data ]]; then
      mkdir -p "$PGDIR"; [[ $(id -u) -eq 0 ]] && chown -R postgres:postgres "$PGDIR"
      # C.UTF-8: pg_trgm then takes Chinese characters as word characters (with --no-locale it ignores them)
      as_pg "$PGBIN/initdb" -D "$PGDIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 > /dev/null
    fi
    as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c shared_buffers=2GB -c work_mem=64MB -c max_wal_size=8GB -c jit=off" start
    psql -h 127.0.0.1 -p "$PGPORT" -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='vsmap'" | grep -q 1 \
      || psql -h 127.0.0.1 -p "$PGPORT" -U postgres -c "CREATE DATABASE vsmap" -c "\c vsmap" -c "CREATE EXTENSION postgis" -c "CREATE EXTENSION pg_trgm"
    ;;
  pg-stop)
    as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop
    ;;
  publish)
    backend=${2:-h2}
    t0=$(date +%s.%N)
    # shellcheck disable=SC2046
    java -Xmx2g --add-modules jdk.incubator.vector -jar "$JAR" publish $(store_args "$backend" node1) | tail -8 | tee "$T/national-publish-$backend.txt"
    printf 'publish of every dataset: %.1f s (-Xmx2g)\n' "$(echo "$(date +%s.%N) - $t0" | bc)" | tee -a "$T/national-publish-$backend.txt"
    ;;
  ready)
    backend=${2:-h2}; out=$T/national-ready-$backend.txt; : > "$out"
    rm -f "$T/vsmap-bench.jsa"   # the first start also writes the class-data archive the restarts use
    dir=$T/national-h2; [[ $backend == postgis ]] && dir=$T/national-pg-node1
    rm -rf "$dir/index"          # first start: no index yet, built from the store
    for run in first restart restart restart; do
      # shellcheck disable=SC2046
      "${JAVA_SERVE[@]}" --port 7093 $(store_args "$backend" node1) > "$T/serve-$backend.log" 2>&1 &
      pid=$!
      s=$(wait_ready 7093)
      sleep 2
      printf '%-8s ready in %6.2f s   heap used %5s MB   RSS %5s MB   (-Xmx2g)\n' "$run" "$s" "$(heap_mb $pid)" "$(rss_mb $pid)" | tee -a "$out"
      curl -s http://127.0.0.1:7093/health | tee -a "$out"; echo | tee -a "$out"
      kill "$pid"; wait "$pid" || true
    done
    ;;
  compare)
    mvn -B -q -o dependency:build-classpath -pl bench -Dmdep.outputFile="$PWD/$T/bench-cp.txt" > /dev/null
    java -Xmx2g --add-modules jdk.incubator.vector -Dlogback.configurationFile=bench/src/main/resources/logback.xml \
      -cp "bench/target/classes:$(cat $T/bench-cp.txt)" org.vsmap.bench.SideBySide "$T/national-h2/index" "$DB_URL" postgres \
      "${ROUNDS:-2000}" | tee "$T/national-compare.txt"
    ;;
  http)
    backend=${2:-h2}; out=$T/national-http-$backend.txt; : > "$out"
    mvn -B -q -o dependency:build-classpath -pl bench -Dmdep.outputFile="$PWD/$T/bench-cp.txt" > /dev/null
    # shellcheck disable=SC2046
    "${JAVA_SERVE[@]}" --port 7093 $(store_args "$backend" node1) > "$T/serve-$backend.log" 2>&1 &
    portal=$!
    java -Xmx2g -Xms2g -cp "bench/target/classes:$(cat $T/bench-cp.txt)" org.vsmap.bench.CeilingServer 7094 > /dev/null 2>&1 &
    ceiling=$!
    wait_ready 7093 > /dev/null
    until curl -sf http://127.0.0.1:7094/ping > /dev/null; do sleep 0.1; done
    wrk -t2 -c32 -d10s http://127.0.0.1:7094/ping > /dev/null; wrk -t2 -c32 -d10s -s bench/wrk/nearby.lua http://127.0.0.1:7093 > /dev/null  # warm-up
    { echo "## trivial Javalin endpoint (the ceiling)"; wrk -t2 -c32 -d30s --latency http://127.0.0.1:7094/ping
      echo "## /api/nearby on the portal ($backend, -Xmx2g)"; wrk -t2 -c32 -d30s --latency -s bench/wrk/nearby.lua http://127.0.0.1:7093
      printf 'portal heap used %s MB, RSS %s MB\n' "$(heap_mb $portal)" "$(rss_mb $portal)"; } | tee "$out"
    kill "$portal" "$ceiling"; wait || true
    ;;
  *)
    sed -n 2,15p "$0"; exit 2 ;;
esac
