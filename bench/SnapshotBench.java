import ai.pmoves.engine.schema.SchemaDiff;
import ai.pmoves.engine.schema.SchemaFilter;
import ai.pmoves.engine.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Run by bench/snapshot-bench.sh: reads the snapshots of two databases (the expected and the actual schema) and their
 * diff, PASSES times in one JVM, and prints the wall ms of each part. Pass 0 is the cold JVM a Maven build runs drift
 * in; the later passes are compiled code.
 */
public class SnapshotBench {
    public static void main(String[] args) throws Exception {
        String expectedUrl = args[0];
        String actualUrl = args[1];
        int passes = Integer.parseInt(args[2]);
        for (int p = 0; p < passes; p++) {
            long start = System.nanoTime();
            SchemaSnapshot expected;
            SchemaSnapshot actual;
            try (Connection c = DriverManager.getConnection(expectedUrl)) {
                expected = SchemaSnapshot.read(c, SchemaFilter.platformExcluded());
            }
            long read1 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(actualUrl)) {
                actual = SchemaSnapshot.read(c, SchemaFilter.platformExcluded());
            }
            long read2 = System.nanoTime();
            SchemaDiff diff = SchemaDiff.between(expected, actual);
            long diffed = System.nanoTime();
            boolean same = expected.fingerprint().equals(actual.fingerprint());
            long end = System.nanoTime();
            System.out.printf("pass %d: %d objects; snapshot expected %d ms, actual %d ms; diff %d ms; fingerprints %d ms;"
                            + " total %d ms; %d differences, fingerprints %s%n", p, actual.size(),
                    (read1 - start) / 1_000_000, (read2 - read1) / 1_000_000, (diffed - read2) / 1_000_000,
                    (end - diffed) / 1_000_000, (end - start) / 1_000_000, diff.differences().size(),
                    same ? "equal" : "differ");
            if (p == 0) {
                diff.lines().forEach(l -> System.out.println("  " + l));
            }
        }
    }
}
