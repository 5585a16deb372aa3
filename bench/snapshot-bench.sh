#!/usr/bin/env bash
# drift's reading and comparing, without the build around it: the schema snapshot of two databases of N tables (the
# expected one, and an actual one with a few changes by hand) and their diff, timed in one JVM. A benchmark, not a
# test: it is not part of `mvn verify` or CI.
#
#   bench/snapshot-bench.sh                 # N=1000 tables, 3 JVMs of 3 passes (mvn compile first)
#   N=5000 RUNS=1 PASSES=2 bench/snapshot-bench.sh
#
# Each table: five columns (an identity key, text with a default, a timestamptz default now(), an enum, a jsonb), a
# check constraint, an index, row level security with a policy, and a grant to an API role; every tenth table also a
# view, a plpgsql function and a trigger calling it. Starts its own PostgreSQL (bench/throwaway-postgres.sh, PGBIN).
set -euo pipefail

N=${N:-1000}
RUNS=${RUNS:-3}
PASSES=${PASSES:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JDBC=${JDBC_JAR:-$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)}
COMMONS_IO=${COMMONS_IO_JAR:-$(ls ~/.m2/repository/commons-io/commons-io/*/commons-io-*.jar | sort -V | tail -1)}
read -r -a FLAGS <<< "${JAVA_OPTS:--Xmx512m}"

# shellcheck source=throwaway-postgres.sh
. "$ROOT/bench/throwaway-postgres.sh"
echo "PostgreSQL $PG_SERVER_VERSION on port $PORT; generating $N tables twice …"

schema() {
    awk -v n="$N" 'BEGIN {
        print "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\''bench_reader'\'') THEN CREATE ROLE bench_reader; END IF; END $$;"
        print "CREATE TYPE public.state AS ENUM ('\''draft'\'', '\''live'\'', '\''gone'\'');"
        for (i = 1; i <= n; i++) {
            printf "CREATE TABLE public.t%d (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL DEFAULT '\''x'\'',", i
            printf " created_at timestamptz DEFAULT now(), state public.state, data jsonb, CHECK (length(name) < 200));\n"
            printf "CREATE INDEX t%d_name ON public.t%d (name);\n", i, i
            printf "ALTER TABLE public.t%d ENABLE ROW LEVEL SECURITY;\n", i
            printf "CREATE POLICY read_t%d ON public.t%d FOR SELECT TO bench_reader USING (state = '\''live'\'');\n", i, i
            printf "GRANT SELECT, INSERT ON public.t%d TO bench_reader;\n", i
            if (i % 10 == 0) {
                printf "CREATE VIEW public.v%d AS SELECT id, name FROM public.t%d WHERE state = '\''live'\'';\n", i, i
                printf "CREATE FUNCTION public.touch%d() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN NEW.created_at := now(); RETURN NEW; END $f$;\n", i
                printf "CREATE TRIGGER touch BEFORE UPDATE ON public.t%d FOR EACH ROW EXECUTE FUNCTION public.touch%d();\n", i, i
            }
        }
    }'
}
for db in expected actual; do
    DB=postgres sql -c "CREATE DATABASE $db"
    schema | DB=$db sql -1 -f -
done
DB=actual sql -c "CREATE TABLE public.hotfix (x int); ALTER TABLE public.t7 ALTER COLUMN data SET DEFAULT '{}';
    REVOKE INSERT ON public.t9 FROM bench_reader"

for run in $(seq 1 "$RUNS"); do
    java "${FLAGS[@]}" -cp "$ROOT/target/classes:$JDBC:$COMMONS_IO" "$ROOT/bench/SnapshotBench.java" \
        "jdbc:postgresql://localhost:$PORT/expected?user=postgres" "jdbc:postgresql://localhost:$PORT/actual?user=postgres" \
        "$PASSES" | sed "s|^|run $run, |"
done
