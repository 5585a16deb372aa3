#!/usr/bin/env bash
# pmoves:apply and pmoves:status against psql and flyway-maven-plugin, on the same throwaway PostgreSQL, in the same
# run. A benchmark, not a test: it is not part of `mvn verify` or CI.
#
#   bench/migrate-bench.sh                  # N=1,000 then N=10,000, 3 runs of each (median)
#   N=1000 BIG_N=0 RUNS=5 bench/migrate-bench.sh
#   BEFORE_VERSION=0.1.0-BEFORE bench/migrate-bench.sh   # also an earlier build, installed under that version
#   LATENCY_MS=25 N=20 BIG_N=0 bench/migrate-bench.sh       # a database 50 ms away (bench/latency-proxy.py)
#
# The corpus: N generated migrations of five statements each (a table, an index, a plpgsql function with `;` in
# its body, an insert with a quoted `;`, a comment), named YYYYMMDDhhmmss_mN.sql, and the same files renamed
# V<n>__mN.sql for Flyway. Timed, alternating between the tools so a busy machine slows all alike, each on a fresh
# database: pmoves:apply on an empty database; its no-op re-run; pmoves:status; psql running the same files with
# one transaction per file (`psql -f` of the files as `BEGIN; <file> COMMIT;`, concatenated before the clock
# starts); the same with each file's history row written as pmoves writes it (`psql + rows`); flyway:migrate
# (13.12.0) on an empty database, its no-op re-run and flyway:info; and an empty Maven build (`mvn validate` of the
# same project), the floor every Maven goal pays; a fresh JVM's first JDBC connection (bench/FirstConnection.java),
# the part of every goal's fixed cost that any JVM tool pays. Every Maven run is `mvn -o -q` on the same project.
# For N=BIG_N (default 10,000): pmoves:apply and pmoves:status (and psql), to show how cost grows. Besides
# `pmoves apply / (mvn + psql)` it prints the apply against the empty build, the first connection and `psql + rows`
# together: the least a JVM goal that records each migration could take. Each row: the median wall time, the
# client's CPU (user + system, the JVM's compiler threads included) and the server's (its connections' CPU), since on
# a machine of 2 cores the two take from each other.
#
# Needs: a JDK 17 and Maven (the plugin is installed into ~/.m2 first unless SKIP_INSTALL=1; Flyway is downloaded
# once from Maven Central), the PostgreSQL server binaries (PGBIN, default /usr/lib/postgresql/15/bin) and psql.
set -euo pipefail

N=${N:-1000}
BIG_N=${BIG_N:-10000}
RUNS=${RUNS:-3}
FLYWAY=${FLYWAY:-13.12.0}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-$ROOT/target/bench-migrate}
VERSION=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$ROOT/pom.xml" | head -1)
PMOVES="ai.pmoves:pmoves-maven-plugin:$VERSION"
# BEFORE_VERSION=0.1.0-BEFORE: a version of the plugin installed from an earlier commit, timed beside this one
BEFORE=${BEFORE_VERSION:+ai.pmoves:pmoves-maven-plugin:$BEFORE_VERSION}

source "$ROOT/bench/throwaway-postgres.sh"
rm -rf "$WORK" && mkdir -p "$WORK"
# LATENCY_MS=25: the timed tools reach the server through bench/latency-proxy.py, which holds everything 25 ms each
# way, as a database 50 ms away would (a release pipeline's production); set-up still goes straight to it.
TOOL_PORT=$PORT
if [ "${LATENCY_MS:-0}" -gt 0 ]; then
    TOOL_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    python3 "$ROOT/bench/latency-proxy.py" "$TOOL_PORT" "$PORT" "$LATENCY_MS" &
    PROXY_PID=$!
    trap 'kill "$PROXY_PID" 2>/dev/null; stop_throwaway_postgres' EXIT
    sleep 0.5
fi

if [ "${SKIP_INSTALL:-0}" != 1 ]; then
    echo "Installing the plugin ($VERSION) into ~/.m2 …"
    (cd "$ROOT" && mvn -B -q install -DskipTests -Dinvoker.skip >/dev/null)
fi

# ---- corpus ----------------------------------------------------------------------------------------------------
generate() { # n dir with-flyway
    mkdir -p "$2/supabase/migrations" "$2/flyway"
    awk -v n="$1" -v dir="$2" -v flyway="$3" 'BEGIN {
        printf "CREATE SCHEMA supabase_migrations;\nCREATE TABLE supabase_migrations.schema_migrations (version text" \
            " NOT NULL PRIMARY KEY, statements text[], name text, checksum text, applied_at timestamp, execution_ms" \
            " integer, applied_by text, state text);\n" > (dir "/psql-history.sql")
        for (i = 1; i <= n; i++) {
            ts = sprintf("2025%02d%02d%02d%02d%02d", int(i / 86400 / 28) % 12 + 1, int(i / 86400) % 28 + 1,
                         int(i / 3600) % 24, int(i / 60) % 60, i % 60)
            s[1] = sprintf("CREATE TABLE t%d (id bigserial PRIMARY KEY, name text NOT NULL, note text)", i)
            s[2] = sprintf("CREATE INDEX t%d_name ON t%d (name)", i, i)
            s[3] = sprintf("CREATE FUNCTION f%d(x int) RETURNS int LANGUAGE plpgsql AS $$\nBEGIN\n  x := x + 1;\n  RETURN x * %d;\nEND;\n$$", i, i)
            s[4] = sprintf("INSERT INTO t%d (name, note) VALUES (%s, %s)", i, "'\''row; one'\''", "'\''it'\'''\''s; fine'\''")
            sql = sprintf("-- migration %d: a table, an index, a function, a row\n", i)
            for (k = 1; k <= 4; k++) sql = sql s[k] ";\n"
            f = sprintf("%s/supabase/migrations/%s_m%d.sql", dir, ts, i)
            printf "%s", sql > f
            close(f)
            # The same file run by psql with the row pmoves writes for it: its statements as E-literals (the corpus
            # has quotes, no backslash) and a checksum of the same length.
            row = sprintf("INSERT INTO supabase_migrations.schema_migrations (version, name, statements, checksum," \
                " applied_at, execution_ms, applied_by, state) VALUES (E\047%s\047, E\047m%d\047, ARRAY[", ts, i)
            for (k = 1; k <= 4; k++) {
                lit = s[k]
                gsub(/\047/, "\047\047", lit)
                row = row (k > 1 ? ", " : "") "E\047" lit "\047"
            }
            row = row sprintf("]::text[], E\047%064d\047, timezone(\047UTC\047, now()), (extract(epoch FROM" \
                " clock_timestamp() - now()) * 1000)::integer, current_user, E\047applied\047);\n", i)
            printf "BEGIN;\n%s%sCOMMIT;\n", sql, row > (dir "/psql-history.sql")
            if (flyway == 1) { # the same file, named as Flyway wants it
                g = sprintf("%s/flyway/V%d__m%d.sql", dir, i, i)
                printf "%s", sql > g
                close(g)
            }
        }
    }'
}

project() { # dir
    cat > "$1/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>ai.pmoves.bench</groupId>
  <artifactId>migrate-bench</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>org.flywaydb</groupId>
        <artifactId>flyway-maven-plugin</artifactId>
        <version>$FLYWAY</version>
        <configuration>
          <locations><location>filesystem:flyway</location></locations>
          <user>postgres</user>
          <password>postgres</password>
        </configuration>
        <dependencies>
          <dependency>
            <groupId>org.flywaydb</groupId>
            <artifactId>flyway-database-postgresql</artifactId>
            <version>$FLYWAY</version>
          </dependency>
          <dependency>
            <groupId>org.postgresql</groupId>
            <artifactId>postgresql</artifactId>
            <version>42.7.14</version>
          </dependency>
        </dependencies>
      </plugin>
    </plugins>
  </build>
</project>
POM
}

# ---- timing ----------------------------------------------------------------------------------------------------
declare -A TIMES CPU SERVER
TIMEFORMAT='%U %S' # bash's time: the user and system CPU of the command and its children
now() { date +%s.%N; }
timed() { # label command...: its wall time, and the CPU (user + system) of the command and its children
    local start end server
    server=$(server_cpu)
    start=$(now)
    if ! { time "${@:2}" > "$WORK/last.log" 2>&1; } 2> "$WORK/last.cpu"; then
        echo "FAILED: $1"; tail -30 "$WORK/last.log"; exit 1
    fi
    end=$(now)
    sleep 0.3 # the server reaps the command's connections, adding their CPU to server_cpu
    TIMES[$1]="${TIMES[$1]:-} $(echo "$end - $start" | bc)"
    CPU[$1]="${CPU[$1]:-} $(awk '{ print $1 + $2 }' "$WORK/last.cpu")"
    SERVER[$1]="${SERVER[$1]:-} $(echo "$(server_cpu) - $server" | bc)"
}
median() { tr ' ' '\n' <<< "$1" | grep . | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
fresh_db() { DB=postgres sql -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"; }
mvn_q() { (cd "$DIR" && mvn -B -o -q "$@"); }
# psql's input, built once per corpus and not timed: the floor is psql's work, not a shell forking cat per file
psql_input() { # dir
    for f in "$1"/supabase/migrations/*.sql; do printf 'BEGIN;\n'; cat "$f"; printf 'COMMIT;\n'; done \
        > "$1/psql-input.sql"
}
psql_stream() { # dir db
    PORT=$TOOL_PORT DB=$2 sql -f "$1/psql-input.sql" > /dev/null
}
# psql writing each file's history row too, as pmoves does (psql-history.sql, built with the corpus)
psql_history() { # dir db
    PORT=$TOOL_PORT DB=$2 sql -f "$1/psql-history.sql" > /dev/null
}

first_connection() { # label db
    local ms
    ms=$(first_connection_ms "jdbc:postgresql://localhost:$TOOL_PORT/$2")
    TIMES[$1]="${TIMES[$1]:-} $(echo "scale=3; $ms / 1000" | bc)"
}

plugin_goals() { # n label plugin db: apply on an empty database, its no-op re-run, status
    fresh_db "$4"
    local url="jdbc:postgresql://localhost:$TOOL_PORT/$4"
    timed "$1 $2 apply" mvn_q "$3:apply" -Dpmoves.url="$url" -Dpmoves.user=postgres
    timed "$1 $2 no-op" mvn_q "$3:apply" -Dpmoves.url="$url" -Dpmoves.user=postgres
    timed "$1 $2 status" mvn_q "$3:status" -Dpmoves.url="$url" -Dpmoves.user=postgres
}

psql_runs() { # n run: psql alone, then writing the history rows too
    fresh_db "ps$2"
    timed "$1 psql stream" psql_stream "$DIR" "ps$2"
    fresh_db "ph$2"
    timed "$1 psql + rows" psql_history "$DIR" "ph$2"
}

bench() { # n runs with-flyway
    local n=$1 runs=$2 with_flyway=$3
    DIR="$WORK/n$n"
    mkdir -p "$DIR" && generate "$n" "$DIR" "$with_flyway" && project "$DIR" && psql_input "$DIR"
    # warm-up: resolve Flyway once (online) and fill the OS caches
    (cd "$DIR" && mvn -B -q validate >/dev/null)
    if [ "$with_flyway" = 1 ]; then
        fresh_db warm && (cd "$DIR" && mvn -B -q flyway:info -Dflyway.url="jdbc:postgresql://localhost:$PORT/warm" >/dev/null)
    fi
    for run in $(seq 1 "$runs"); do
        timed "$n empty mvn" mvn_q validate
        first_connection "$n first connection" postgres
        # psql goes first in every other run: the first tool of a run meets the server just after the last run's
        # databases were dropped: psql took 5.72 s there against 3.96 s after the plugin's goals (medians of 5)
        if [ $((run % 2)) = 0 ]; then
            psql_runs "$n" "$run"
        fi
        if [ -z "$BEFORE" ]; then
            plugin_goals "$n" pmoves "$PMOVES" "pm$run"
        elif [ $((run % 2)) = 1 ]; then
            # The same three goals from an earlier build, in the same run. Each build goes first in every other run:
            # the first apply of a run meets the server still unlinking the databases the run before dropped.
            plugin_goals "$n" pmoves "$PMOVES" "pm$run"
            plugin_goals "$n" before "$BEFORE" "pb$run"
        else
            plugin_goals "$n" before "$BEFORE" "pb$run"
            plugin_goals "$n" pmoves "$PMOVES" "pm$run"
        fi
        if [ $((run % 2)) = 1 ]; then
            psql_runs "$n" "$run"
        fi
        if [ "$with_flyway" = 1 ]; then
            fresh_db "fw$run"
            local fw="jdbc:postgresql://localhost:$TOOL_PORT/fw$run"
            timed "$n flyway migrate" mvn_q flyway:migrate -Dflyway.url="$fw"
            timed "$n flyway no-op" mvn_q flyway:migrate -Dflyway.url="$fw"
            timed "$n flyway info" mvn_q flyway:info -Dflyway.url="$fw"
        fi
        DB=postgres sql -c "DROP DATABASE IF EXISTS pm$run" -c "DROP DATABASE IF EXISTS pb$run" \
            -c "DROP DATABASE IF EXISTS ps$run" -c "DROP DATABASE IF EXISTS ph$run" -c "DROP DATABASE IF EXISTS fw$run"
        echo "  N=$n run $run/$runs done"
    done
}

echo "PostgreSQL $PG_SERVER_VERSION on localhost:$PORT${LATENCY_MS:+, reached through a proxy adding $LATENCY_MS ms each way}; $(nproc) cores; $(java -version 2>&1 | head -1); $(mvn -B -v | sed -n 1p)"
bench "$N" "$RUNS" 1
if [ "$BIG_N" -gt 0 ]; then
    bench "$BIG_N" "$RUNS" 0
fi

m() { median "${TIMES[$1]:-}"; }
c() { median "${CPU[$1]:-}"; }
sc() { median "${SERVER[$1]:-}"; }
ratio() { echo "scale=2; $1 / $2" | bc; }
# The median over runs of each run's own ratio, numerator / (sum of the rest): the figures of one run share the
# machine's mood, which drifts by 20% and more here between runs, so a run's ratio is steadier than medians' ratio.
per_run() { # n numerator denominator...
    local n=$1 label
    { for label in "${@:2}"; do echo "${TIMES[$n $label]}"; done; } | awk '{ for (i = 1; i <= NF; i++) v[NR, i] = $i
        runs = NF } END { for (i = 1; i <= runs; i++) { d = 0; for (r = 2; r <= NR; r++) d += v[r, i]
        printf "%.3f ", v[1, i] / d } }' | xargs -n1 | sort -g | awk '{ a[NR] = $1 }
        END { printf "%.2f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
# The least a JVM goal that records what it ran could take: Maven's start, a fresh JVM's first JDBC connection (any JVM
# tool opens one) and psql writing the same history rows. What is above it is the plugin's own.
jvm_floor() { # n
    local floor
    floor=$(echo "$(m "$1 empty mvn") + $(m "$1 first connection") + $(m "$1 psql + rows")" | bc)
    printf '%-28s %10.2f\n' "mvn + connection + psql+rows" "$floor"
    printf '%-28s %10s\n' "pmoves apply / that" "$(ratio "$(m "$1 pmoves apply")" "$floor")"
    printf '%-28s %10s %s\n' "  the same, run by run" \
        "$(per_run "$1" "pmoves apply" "empty mvn" "first connection" "psql + rows")" "(median of each run's ratio)"
}
printf '\n%-28s %10s %10s %10s   (%s runs)\n' "N=$N" "median s" "client CPU" "server CPU" "$RUNS"
for k in "empty mvn" "pmoves apply" "pmoves no-op" "pmoves status" "before apply" "before no-op" "before status" \
        "psql stream" "psql + rows" "flyway migrate" "flyway no-op" "flyway info"; do
    if [ -n "${TIMES[$N $k]:-}" ]; then
        printf '%-28s %10.2f %10.2f %10.2f\n' "$k" "$(m "$N $k")" "$(c "$N $k")" "$(sc "$N $k")"
    fi
done
if [ -n "$BEFORE" ]; then
    printf '%-28s %10s\n' "before apply / (mvn + psql)" \
        "$(ratio "$(m "$N before apply")" "$(echo "$(m "$N empty mvn") + $(m "$N psql stream")" | bc)")"
    printf '%-28s %10.2f\n' "before no-op - empty mvn" "$(echo "$(m "$N before no-op") - $(m "$N empty mvn")" | bc)"
    printf '%-28s %10.2f\n' "before status - empty mvn" "$(echo "$(m "$N before status") - $(m "$N empty mvn")" | bc)"
fi
printf '%-28s %10s\n' "pmoves apply / psql" "$(ratio "$(m "$N pmoves apply")" "$(m "$N psql stream")")"
# The least any Maven goal could take: Maven's own start plus what psql spends (mostly the server's own work).
printf '%-28s %10s\n' "pmoves apply / (mvn + psql)" \
    "$(ratio "$(m "$N pmoves apply")" "$(echo "$(m "$N empty mvn") + $(m "$N psql stream")" | bc)")"
printf '%-28s %10s %s\n' "  the same, run by run" "$(per_run "$N" "pmoves apply" "empty mvn" "psql stream")" \
    "(median of each run's ratio)"
jvm_floor "$N"
printf '%-28s %10s\n' "flyway / pmoves (apply)" "$(ratio "$(m "$N flyway migrate")" "$(m "$N pmoves apply")")"
printf '%-28s %10s\n' "flyway / pmoves (no-op)" "$(ratio "$(m "$N flyway no-op")" "$(m "$N pmoves no-op")")"
printf '%-28s %10s\n' "flyway info / pmoves status" "$(ratio "$(m "$N flyway info")" "$(m "$N pmoves status")")"
printf '%-28s %10.2f\n' "pmoves no-op - empty mvn" "$(echo "$(m "$N pmoves no-op") - $(m "$N empty mvn")" | bc)"
printf '%-28s %10.2f\n' "pmoves status - empty mvn" "$(echo "$(m "$N pmoves status") - $(m "$N empty mvn")" | bc)"
# What is left once the first connection, which any JVM tool opens, is taken out as well
printf '%-28s %10.2f\n' "first JDBC connection" "$(m "$N first connection")"
printf '%-28s %10.2f\n' "no-op - empty - connection" \
    "$(echo "$(m "$N pmoves no-op") - $(m "$N empty mvn") - $(m "$N first connection")" | bc)"
printf '%-28s %10.2f\n' "status - empty - connection" \
    "$(echo "$(m "$N pmoves status") - $(m "$N empty mvn") - $(m "$N first connection")" | bc)"
if [ "$BIG_N" -gt 0 ]; then
    printf '\n%-28s %10s %10s %10s\n' "N=$BIG_N" "median s" "client CPU" "server CPU"
    for k in "empty mvn" "pmoves apply" "pmoves no-op" "pmoves status" "before apply" "before no-op" "before status" \
            "psql stream" "psql + rows"; do
        if [ -n "${TIMES[$BIG_N $k]:-}" ]; then
            printf '%-28s %10.2f %10.2f %10.2f\n' "$k" "$(m "$BIG_N $k")" "$(c "$BIG_N $k")" "$(sc "$BIG_N $k")"
        fi
    done
    if [ -n "$BEFORE" ]; then
        printf '%-28s %10s\n' "before apply / (mvn + psql)" \
            "$(ratio "$(m "$BIG_N before apply")" "$(echo "$(m "$BIG_N empty mvn") + $(m "$BIG_N psql stream")" | bc)")"
    fi
    printf '%-28s %10s\n' "apply $BIG_N / apply $N" "$(ratio "$(m "$BIG_N pmoves apply")" "$(m "$N pmoves apply")")"
    printf '%-28s %10s\n' "pmoves apply / psql" "$(ratio "$(m "$BIG_N pmoves apply")" "$(m "$BIG_N psql stream")")"
    printf '%-28s %10s\n' "pmoves apply / (mvn + psql)" \
        "$(ratio "$(m "$BIG_N pmoves apply")" "$(echo "$(m "$BIG_N empty mvn") + $(m "$BIG_N psql stream")" | bc)")"
    printf '%-28s %10s %s\n' "  the same, run by run" "$(per_run "$BIG_N" "pmoves apply" "empty mvn" "psql stream")" \
        "(median of each run's ratio)"
    jvm_floor "$BIG_N"
    printf '%-28s %10.2f\n' "pmoves status - empty mvn" "$(echo "$(m "$BIG_N pmoves status") - $(m "$BIG_N empty mvn")" | bc)"
fi
