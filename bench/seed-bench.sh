#!/usr/bin/env bash
# pmoves:seed against `psql -f` on the same throwaway PostgreSQL, in the same run. A benchmark, not a test: it is
# not part of `mvn verify` or CI.
#
#   bench/seed-bench.sh                 # 1,000,000 rows as a lean COPY, a wide COPY and batched INSERTs, 3 runs each
#   ROWS=200000 RUNS=5 bench/seed-bench.sh
#   RUNS=0 BIG_GB=1 bench/seed-bench.sh   # the 1 GB run alone
#   BIG_GB=1 bench/seed-bench.sh        # also a ~1 GB COPY seed, twice with each tool (pmoves:seed with -Xmx256m)
#   KINDS=lean RUNS=5 bench/seed-bench.sh   # only the lean COPY: 1M rows of ~35 bytes into a table without a key
#
# Every pmoves:seed run is a whole `mvn` build with MAVEN_OPTS=-Xmx256m and a GC log. Reported: the median time of
# psql -f; the median of the goal's own time (its "Seeded … in N ms" line: scan, connect, lock, run with the hash,
# commit; Maven's start-up is not in it, the mvn wall time shows it) and of the file's own run (its "[1/1] … ran, N ms"
# line: without the connection, which a fresh JVM pays ~0.3 s for); their ratio, as the median of the ratios of each
# run pair (the tools alternate, so each pair meets the same load on a shared machine); the whole mvn run less an empty
# Maven build of the same project, against psql (the performance issue's measure), and less a fresh JVM's first JDBC
# connection too (bench/FirstConnection.java: what any JVM tool pays before its first row); and the heap: the largest heap
# in use before a GC and the largest left live after one.
#
# Needs: a JDK 17 and Maven (the plugin is built and put in a local repository of the bench's own first, unless
# SKIP_INSTALL=1; everything else must be in ~/.m2, as after `mvn verify`), the PostgreSQL server
# binaries and psql (see bench/throwaway-postgres.sh). Work files go to BENCH_DIR (default target/bench).
set -euo pipefail

ROWS=${ROWS:-1000000}
RUNS=${RUNS:-3}
BATCH=${BATCH:-1000}
BIG_GB=${BIG_GB:-0}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-$ROOT/target/bench}
VERSION=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$ROOT/pom.xml" | head -1)
GOAL="ai.pmoves:pmoves-maven-plugin:$VERSION:seed"

mkdir -p "$WORK/project/db" "$WORK/logs"
rm -f "$WORK"/logs/*

# ---- a throwaway server ----------------------------------------------------------------------------------------
source "$ROOT/bench/throwaway-postgres.sh"
URL="jdbc:postgresql://localhost:$PORT/bench"
sql -c "CREATE DATABASE bench"
DB=bench

# ---- the plugin and a project that uses it ---------------------------------------------------------------------
# The plugin goes into a local repository of the bench's own, so that another build installing into ~/.m2 cannot swap
# the jar under a running benchmark; everything else comes from ~/.m2 through a file:// mirror (no network).
REPO="$WORK/repo"
SETTINGS="$WORK/settings.xml"
cat > "$SETTINGS" <<EOF
<settings>
  <localRepository>$REPO</localRepository>
  <mirrors>
    <mirror><id>user-repository</id><mirrorOf>*</mirrorOf><url>file://$HOME/.m2/repository</url></mirror>
  </mirrors>
</settings>
EOF
if [ "${SKIP_INSTALL:-0}" != 1 ]; then
    echo "Building the plugin ($VERSION) into $REPO …"
    (cd "$ROOT" && mvn -B -q -o package -DskipTests -Dinvoker.skip >/dev/null)
    rm -rf "$REPO/ai/pmoves/pmoves-maven-plugin"
    (cd "$ROOT" && mvn -B -q -s "$SETTINGS" org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file \
        -Dfile="target/pmoves-maven-plugin-$VERSION.jar" -DpomFile=pom.xml >/dev/null)
fi
cat > "$WORK/project/pom.xml" <<'EOF'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>ai.pmoves.bench</groupId>
  <artifactId>seed-bench</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
</project>
EOF

# ---- the seeds: the same rows as COPY and as multi-row INSERTs -------------------------------------------------
TABLE="CREATE TABLE bench_rows (id integer PRIMARY KEY, name text NOT NULL, email text, score numeric(6, 2),
       created_at timestamptz, note text)"
# The performance issue's own case: 1M rows of about 35 bytes, no primary key (the server's share is smallest there)
LEAN="CREATE TABLE bench_lean (id integer, name text, score numeric(6, 2), day date)"
gen_lean() { # rows file
    awk -v n="$1" 'BEGIN {
        print "COPY bench_lean (id, name, score, day) FROM stdin;"
        for (i = 1; i <= n; i++)
            printf "%d\tname %d\t%d.%02d\t2025-01-%02d\n", i, i, i % 1000, i % 100, i % 28 + 1
        print "\\."
    }' > "$2"
}
gen_copy() { # rows file
    awk -v n="$1" 'BEGIN {
        print "COPY bench_rows (id, name, email, score, created_at, note) FROM stdin;"
        for (i = 1; i <= n; i++)
            printf "%d\tname %d\tuser%d@example.com\t%d.%02d\t2025-01-%02d 12:00:00+00\t%s\n", i, i, i, i % 1000,
                i % 100, i % 28 + 1, (i % 10 == 0 ? "\\N" : "a note\\twith a tab")
        print "\\."
    }' > "$2"
}
gen_insert() { # rows batch file
    awk -v n="$1" -v b="$2" 'BEGIN {
        for (i = 1; i <= n; i++) {
            if ((i - 1) % b == 0) print "INSERT INTO bench_rows (id, name, email, score, created_at, note) VALUES"
            printf "  (%d, '\''name %d'\'', '\''user%d@example.com'\'', %d.%02d, '\''2025-01-%02d 12:00:00+00'\'', %s)%s\n",
                i, i, i, i % 1000, i % 100, i % 28 + 1, (i % 10 == 0 ? "NULL" : "E'\''a note\\twith a tab'\''"),
                (i % b == 0 || i == n ? ";" : ",")
        }
    }' > "$3"
}
if [ "$RUNS" -gt 0 ]; then
    echo "Generating $ROWS rows as COPY and as INSERTs of $BATCH rows …"
    gen_lean "$ROWS" "$WORK/project/db/lean.sql"
    gen_copy "$ROWS" "$WORK/project/db/copy.sql"
    gen_insert "$ROWS" "$BATCH" "$WORK/project/db/insert.sql"
fi

# ---- one run of each tool --------------------------------------------------------------------------------------
fresh_table() {
    sql -c "DROP TABLE IF EXISTS bench_rows" -c "DROP TABLE IF EXISTS bench_lean" -c "$TABLE" -c "$LEAN" -c "CHECKPOINT"
}
now_ms() { date +%s%3N; }
run_psql() { # file -> prints ms
    fresh_table
    local t0; t0=$(now_ms)
    sql -f "$1" >/dev/null
    echo $(( $(now_ms) - t0 ))
    check_rows "$2"
}
run_pmoves() { # file-name label rows -> prints "wall goal peak live"
    fresh_table
    local log="$WORK/logs/$2.log" gc="$WORK/logs/$2.gc" t0 wall
    t0=$(now_ms)
    MAVEN_OPTS="-Xmx256m -Xlog:gc:file=$gc" mvn -B -s "$SETTINGS" -f "$WORK/project/pom.xml" "$GOAL" -Dpmoves.url="$URL" \
        -Dpmoves.user=postgres -Dpmoves.seedDirectories="$WORK/project/db" \
        -Dpmoves.seedIncludes="$1" -Dpmoves.seedMode=always > "$log" 2>&1 || { tail -30 "$log" >&2; exit 1; }
    wall=$(( $(now_ms) - t0 ))
    check_rows "$3"
    local goal file; goal=$(sed -n 's/.*Seeded 1 file .* in \([0-9]*\) ms\./\1/p' "$log")
    file=$(sed -n 's/.*\[1\/1\] .* … ran[^,]*, \([0-9]*\) ms$/\1/p' "$log")
    echo "$wall $goal $(peak_heap "$gc") $file"
}
check_rows() {
    local n; n=$(sql -At -c "SELECT (SELECT count(*) FROM bench_rows) + (SELECT count(*) FROM bench_lean)")
    [ "$n" = "$1" ] || { echo "expected $1 rows, found $n" >&2; exit 1; }
}
peak_heap() { # GC log -> "peakMB liveMB": the largest heap in use before a GC, the largest left after one
    sed -n 's/.* \([0-9]*\)M->\([0-9]*\)M(.*/\1 \2/p' "$1" | awk '
        { if ($1 > p) p = $1; if ($2 > l) l = $2 } END { printf "%d %d", p, l }'
}
# median: whole ms (printf %d reads it); ratio_median keeps the fraction
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)) }'; }
ratio_median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

results="$WORK/results.txt"
: > "$results"
run_empty() { # -> prints ms: an empty Maven build of the same project, what every goal pays before its own work
    local t0; t0=$(now_ms)
    mvn -B -q -s "$SETTINGS" -f "$WORK/project/pom.xml" validate >/dev/null 2>&1
    echo $(( $(now_ms) - t0 ))
}
for kind in ${KINDS:-lean copy insert}; do
    [ "$RUNS" -gt 0 ] || break
    file="$WORK/project/db/$kind.sql"
    size=$(du -m "$file" | cut -f1)
    : > "$WORK/logs/$kind.psql"; : > "$WORK/logs/$kind.pmoves"; : > "$WORK/logs/$kind.ratio"
    : > "$WORK/logs/$kind.empty"; : > "$WORK/logs/$kind.net"; : > "$WORK/logs/$kind.jvmnet"
    for i in $(seq 1 "$RUNS"); do
        # Each tool goes first in every other pair: neither always meets the other's checkpoint or cache.
        if [ $((i % 2)) = 1 ]; then
            run_psql "$file" "$ROWS" >> "$WORK/logs/$kind.psql"
            run_pmoves "$kind.sql" "$kind-$i" "$ROWS" >> "$WORK/logs/$kind.pmoves"
        else
            run_pmoves "$kind.sql" "$kind-$i" "$ROWS" >> "$WORK/logs/$kind.pmoves"
            run_psql "$file" "$ROWS" >> "$WORK/logs/$kind.psql"
        fi
        run_empty >> "$WORK/logs/$kind.empty"
        c=$(first_connection_ms "$URL")
        p=$(tail -1 "$WORK/logs/$kind.psql"); read -r w g pk lv f < <(tail -1 "$WORK/logs/$kind.pmoves")
        e=$(tail -1 "$WORK/logs/$kind.empty")
        echo "$g $p" | awk '{ printf "%.3f\n", $1 / $2 }' >> "$WORK/logs/$kind.ratio"
        echo "$w $e $p" | awk '{ printf "%.3f\n", ($1 - $2) / $3 }' >> "$WORK/logs/$kind.net"
        echo "$w $e $c $p" | awk '{ printf "%.3f\n", ($1 - $2 - $3) / $4 }' >> "$WORK/logs/$kind.jvmnet"
        echo "  $kind run $i: psql -f $p ms | pmoves:seed goal $g ms (file $f ms), mvn wall $w ms, empty build $e ms, first JDBC connection $c ms, heap $pk MB before a GC, $lv MB live"
    done
    psql_ms=$(median < "$WORK/logs/$kind.psql")
    wall_ms=$(cut -d' ' -f1 "$WORK/logs/$kind.pmoves" | median)
    goal_ms=$(cut -d' ' -f2 "$WORK/logs/$kind.pmoves" | median)
    file_ms=$(cut -d' ' -f5 "$WORK/logs/$kind.pmoves" | median)
    ratio=$(ratio_median < "$WORK/logs/$kind.ratio")
    net=$(ratio_median < "$WORK/logs/$kind.net")
    jvmnet=$(ratio_median < "$WORK/logs/$kind.jvmnet")
    peak=$(cut -d' ' -f3 "$WORK/logs/$kind.pmoves" | sort -n | tail -1)
    live=$(cut -d' ' -f4 "$WORK/logs/$kind.pmoves" | sort -n | tail -1)
    printf '%-6s %8d rows %5d MB | psql -f %6d ms | pmoves:seed %6d ms (file %6d ms), %.2f x psql | mvn wall %6d ms, less the empty build %.2f x psql, less the first JDBC connection too %.2f x psql | heap <= %d MB before a GC, <= %d MB live (-Xmx256m)\n' \
        "$kind" "$ROWS" "$size" "$psql_ms" "$goal_ms" "$file_ms" "$ratio" "$wall_ms" "$net" "$jvmnet" "$peak" "$live" | tee -a "$results"
done

if [ "$BIG_GB" = 1 ]; then
    big_rows=${BIG_ROWS:-13500000}
    echo "Generating a ~1 GB COPY seed ($big_rows rows) …"
    gen_copy "$big_rows" "$WORK/project/db/big.sql"
    size=$(du -m "$WORK/project/db/big.sql" | cut -f1)
    # psql, pmoves, pmoves, psql: the first gigabyte load of a fresh server also creates its WAL segments, which
    # later loads recycle; this order gives each tool one early and one late run.
    : > "$WORK/logs/big.psql"; : > "$WORK/logs/big.pmoves"
    run_psql "$WORK/project/db/big.sql" "$big_rows" >> "$WORK/logs/big.psql"
    run_pmoves big.sql big-1 "$big_rows" >> "$WORK/logs/big.pmoves"
    run_pmoves big.sql big-2 "$big_rows" >> "$WORK/logs/big.pmoves"
    run_psql "$WORK/project/db/big.sql" "$big_rows" >> "$WORK/logs/big.psql"
    echo "  big runs: psql -f $(tr '\n' ' ' < "$WORK/logs/big.psql")ms | pmoves:seed (wall goal peakMB liveMB file)" \
        "$(tr '\n' '/' < "$WORK/logs/big.pmoves")"
    psql_ms=$(median < "$WORK/logs/big.psql")
    wall=$(cut -d' ' -f1 "$WORK/logs/big.pmoves" | median)
    goal=$(cut -d' ' -f2 "$WORK/logs/big.pmoves" | median)
    file=$(cut -d' ' -f5 "$WORK/logs/big.pmoves" | median)
    peak=$(cut -d' ' -f3 "$WORK/logs/big.pmoves" | sort -n | tail -1)
    live=$(cut -d' ' -f4 "$WORK/logs/big.pmoves" | sort -n | tail -1)
    printf '%-6s %8d rows %5d MB | psql -f %6d ms | pmoves:seed %6d ms (file %6d ms), %.2f x psql | mvn wall %6d ms | heap <= %d MB before a GC, <= %d MB live (-Xmx256m)\n' \
        big "$big_rows" "$size" "$psql_ms" "$goal" "$file" "$(echo "$goal / $psql_ms" | bc -l)" "$wall" "$peak" "$live" \
        | tee -a "$results"
    rm -f "$WORK/project/db/big.sql"
fi

echo
echo "PostgreSQL $PG_SERVER_VERSION on localhost:$PORT; $(nproc) CPUs; $(java -version 2>&1 | head -1);" \
    "$(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
cat "$results"
