import ai.pmoves.engine.sql.SqlStatement;
import ai.pmoves.engine.sql.SqlStatementReader;
import ai.pmoves.engine.sql.SqlTokens;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by bench/reader-bench.sh: reads a SQL file through SqlStatementReader, then again cutting every statement into
 * its SqlTokens, PASSES times in one JVM, and prints wall and CPU ms of each pass (CPU time is steadier on a busy
 * machine). Pass 0 is the cold JVM a Maven build runs the lexer in; the later passes are compiled code.
 */
public class ReaderBench {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int passes = Integer.parseInt(args[1]);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int p = 0; p < passes; p++) {
            long wall = System.nanoTime();
            long time = cpu.getCurrentThreadCpuTime();
            long statements = 0;
            try (SqlStatementReader reader = new SqlStatementReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
                while (reader.next() != null) {
                    statements++;
                }
            }
            long readerWall = System.nanoTime() - wall;
            long readerCpu = cpu.getCurrentThreadCpuTime() - time;
            wall = System.nanoTime();
            time = cpu.getCurrentThreadCpuTime();
            long tokens = 0;
            try (SqlStatementReader reader = new SqlStatementReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
                for (SqlStatement s; (s = reader.next()) != null; ) {
                    tokens += SqlTokens.of(s.sql()).size();
                }
            }
            System.out.printf("pass %d: reader %d ms (cpu %d ms), %d statements; reader and tokens %d ms (cpu %d ms),"
                    + " %d tokens%n", p, readerWall / 1_000_000, readerCpu / 1_000_000, statements,
                    (System.nanoTime() - wall) / 1_000_000, (cpu.getCurrentThreadCpuTime() - time) / 1_000_000, tokens);
        }
    }
}
