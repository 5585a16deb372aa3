package ai.pmoves.engine.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.pmoves.engine.migration.Checksum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedStatusTest {
    @TempDir
    Path project;

    private SeedFile file(String path, String sql) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
        return new SeedFile(file, path);
    }

    private static SeedRow row(String path, String hash) {
        return new SeedRow(path, hash, null, null);
    }

    @Test
    void comparesEachFileWithItsRow() throws IOException {
        List<SeedFile> files = List.of(file("db/v5_1_a.sql", "SELECT 1;\n"), file("db/v5_2_b.sql", "SELECT 2;\n"),
                file("db/v5_3_c.sql", "SELECT 3;\n"));
        file("db/v5_0_excluded.sql", "SELECT 0;\n");
        Map<String, SeedRow> rows = Map.of(
                "db/v5_1_a.sql", row("db/v5_1_a.sql", Checksum.ofRawText("SELECT 1;\r\n")),
                "db/v5_2_b.sql", row("db/v5_2_b.sql", Checksum.ofRawText("SELECT 'old';\n")),
                "db/v5_0_excluded.sql", row("db/v5_0_excluded.sql", "x"),
                "db/v5_10_gone.sql", row("db/v5_10_gone.sql", "x"),
                "db/v5_9_gone.sql", row("db/v5_9_gone.sql", "x"));
        List<SeedInfo> infos = SeedStatus.of(files, rows, project);
        assertEquals(List.of("db/v5_1_a.sql applied", "db/v5_2_b.sql changed", "db/v5_3_c.sql pending",
                        "db/v5_9_gone.sql missing", "db/v5_10_gone.sql missing"),
                infos.stream().map(i -> i.path() + " " + i.state().label()).toList(),
                "a filtered-out file that exists is not this configuration's seed, and is left out");
        assertEquals(Checksum.ofRawText("SELECT 2;\n"), infos.get(1).hash());
    }
}
