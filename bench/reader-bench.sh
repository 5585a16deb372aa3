#!/usr/bin/env bash
# The SQL lexer alone: SqlStatementReader over a generated SQL file of SIZE_MB MB, then the same with SqlTokens over
# every statement, with no database and no Maven. A benchmark, not a test: it is not part of `mvn verify` or CI.
#
#   bench/reader-bench.sh                                  # target/classes (mvn compile first), 3 JVMs of 5 passes
#   bench/reader-bench.sh /tmp/before/classes target/classes   # two builds, their JVMs alternating
#   SIZE_MB=200 RUNS=5 PASSES=3 bench/reader-bench.sh
#
# The file: migrations' statements over and over (a comment, a table with a quoted name and an E'…' default, an
# index after a nested block comment, a plpgsql function in $body$ holding $$ … $$ and a -- comment, an INSERT with
# quoted `;`, a U&'…' string and numbers). Every JVM runs with the same flags (JAVA_OPTS, default -Xmx512m).
set -euo pipefail

SIZE_MB=${SIZE_MB:-50}
RUNS=${RUNS:-3}
PASSES=${PASSES:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${BENCH_DIR:-$ROOT/target/bench-reader}
read -r -a FLAGS <<< "${JAVA_OPTS:--Xmx512m}"
[ $# -gt 0 ] || set -- "$ROOT/target/classes"

mkdir -p "$WORK"
SQL="$WORK/statements-${SIZE_MB}mb.sql"
if [ ! -s "$SQL" ]; then
    echo "Generating $SQL …"
    awk -v bytes=$((SIZE_MB * 1000 * 1000)) 'BEGIN {
        for (i = 1; size < bytes; i++) {
            s = sprintf("-- migration %d: a table, an index, a function, a row\n", i) \
                sprintf("CREATE TABLE \"T%d\"\"x\" (id bigserial PRIMARY KEY, name text NOT NULL, note text DEFAULT E'\''a\\'\''b; c'\'');\n", i) \
                sprintf("/* index /* nested; */ for t%d */ CREATE INDEX t%d_name ON t%d (name);\n", i, i, i) \
                sprintf("CREATE FUNCTION f%d(x int) RETURNS int LANGUAGE plpgsql AS $body$\nBEGIN\n  x := x + 1; -- count; it'\''s\n  RETURN x * %d + $$ $1 $$::int;\nEND;\n$body$;\n", i, i) \
                sprintf("INSERT INTO t%d (name, note) VALUES (%s, %s), (U&'\''d\\0061t'\'', 1.5e3);\n", i, "'\''row; one'\''", "'\''it'\'''\''s; fine'\''")
            printf "%s", s
            size += length(s)
        }
    }' > "$SQL"
fi

for run in $(seq 1 "$RUNS"); do
    for classes in "$@"; do
        java "${FLAGS[@]}" -cp "$classes" "$ROOT/bench/ReaderBench.java" "$SQL" "$PASSES" | sed "s|^|$classes, run $run, |"
    done
done
