#!/usr/bin/env bash
# What the plugin's own dependencies cost every goal: `mvn -o -q pmoves:status` on a one-migration project, with two
# builds of the plugin taking turns (A B, B A, ...), each from a local repository of its own, against one throwaway
# PostgreSQL. Prints each run's wall and CPU seconds, then the medians and the median of the paired differences.
#
#   REPO_A=/tmp/repo-before REPO_B=/tmp/repo-after RUNS=16 bench/plugin-resolution-bench.sh
#
# Fill each repository by running an invoker IT of that build (mvn verify -Dinvoker.test=help-goal-details
# -DskipTests) and copying target/local-repo.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
: "${REPO_A:?a local repository with the first build}" "${REPO_B:?a local repository with the second build}"
source "$ROOT/bench/throwaway-postgres.sh"
project=$(mktemp -d)
mkdir -p "$project/supabase/migrations"
echo "CREATE TABLE IF NOT EXISTS t (id int);" > "$project/supabase/migrations/20250101000000_t.sql"
cat > "$project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>tiny</artifactId><version>1</version><packaging>pom</packaging>
  <build><plugins><plugin><groupId>ai.pmoves</groupId><artifactId>pmoves-maven-plugin</artifactId>
    <version>0.1.0-SNAPSHOT</version></plugin></plugins></build>
</project>
POM
cd "$project"
# the ITs' repositories record their artifacts as coming from the repository id local.central: declare it
for r in A B; do repo=REPO_$r; cat > "settings-$r.xml" <<SETTINGS
<settings><profiles><profile><id>it</id><activation><activeByDefault>true</activeByDefault></activation>
  <repositories><repository><id>local.central</id><url>file://${!repo}</url></repository></repositories>
  <pluginRepositories><pluginRepository><id>local.central</id><url>file://${!repo}</url></pluginRepository>
  </pluginRepositories></profile></profiles></settings>
SETTINGS
done
run() { local repo=REPO_$1; mvn -B -o -q -s "settings-$1.xml" -Dmaven.repo.local="${!repo}" "pmoves:$2" \
    -Dpmoves.url="jdbc:postgresql://localhost:$PORT/postgres" -Dpmoves.user=postgres >/dev/null; }
cpu() { awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat; }
for r in A B; do run $r apply; run $r status; done   # warm both, apply the one migration
out=$(mktemp)
for i in $(seq 1 "${RUNS:-16}"); do
    for r in $( ((i % 2)) && echo A B || echo B A); do
        s=$(date +%s.%N); c0=$(cpu); run $r status; e=$(date +%s.%N); c1=$(cpu)
        echo "$r $(echo "$e - $s" | bc) $(echo "($c1 - $c0) / $(getconf CLK_TCK)" | bc -l)" | tee -a "$out"
    done
done
python3 - "$out" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
runs = {k: [(float(w), float(c)) for r, w, c in rows if r == k] for k in "AB"}
for k, v in runs.items():
    print(f"{k}: wall median {statistics.median(w for w, _ in v):.2f} s, cpu median {statistics.median(c for _, c in v):.2f} s")
pairs = list(zip(runs["A"], runs["B"]))
print(f"B - A, paired: wall {statistics.median(b[0] - a[0] for a, b in pairs):+.3f} s,"
      f" cpu {statistics.median(b[1] - a[1] for a, b in pairs):+.3f} s")
PY
rm -rf "$project" "$out"
