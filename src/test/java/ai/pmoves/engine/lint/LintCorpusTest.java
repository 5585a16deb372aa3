package ai.pmoves.engine.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.pmoves.testing.SqlCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No input crashes {@code pmoves:validate}: every SQL file of this repository (test resources, ITs, examples), whole
 * and cut short at random points, and each input that once crashed it.
 */
class LintCorpusTest {
    @TempDir
    Path project;

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE FUNCTION f() RETURNS uuid LANGUAGE 'plpgsql' AS $$ BEGIN RETURN uuid_generate_v4(); END $$;",
        "CREATE OR REPLACE FUNCTION f() RETURNS uuid AS $$ BEGIN RETURN uuid_generate_v4(); END $$ LANGUAGE 'plpgsql';",
        "CREATE FUNCTION f() RETURNS uuid AS $$ SELECT uuid_generate_v4() $$ LANGUAGE \"sql\";",
        "DO LANGUAGE 'plpgsql' $$ BEGIN PERFORM uuid_generate_v4(); END $$;",
        "CREATE FUNCTION f() RETURNS uuid AS $$ BEGIN RETURN uuid_generate_v4(); END $$ LANGUAGE 'PLPGSQL';"})
    void aQuotedLanguageNameIsReadAsTheLanguage(String sql) throws Exception {
        LintFixture fixture = new LintFixture(project).migration("20250101000000_f.sql", sql + "\n");
        assertEquals(1, fixture.findings("uuid-ossp").size(), fixture.findings().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE FUNCTION f() RETURNS int LANGUAGE",
        "CREATE FUNCTION f() RETURNS int LANGUAGE 'plpgsql",
        "CREATE FUNCTION f() RETURNS int LANGUAGE '' AS $$ SELECT uuid_generate_v4() $$;",
        "CREATE FUNCTION f() RETURNS int LANGUAGE E'plpgsql' AS $$ SELECT 1 $$;",
        "CREATE FUNCTION f() RETURNS int LANGUAGE 42 AS $$ SELECT 1 $$;",
        "CREATE FUNCTION f() RETURNS int LANGUAGE ( AS $$ SELECT 1 $$;",
        "DO LANGUAGE plv8 'return 1';",
        "CREATE FUNCTION f() RETURNS int AS 'select 1' LANGUAGE 'sql';"})
    void aBrokenOrUnusualLanguageClauseIsNoCrash(String sql) throws Exception {
        new LintFixture(project).migration("20250101000000_f.sql", sql + "\n").lint();
    }

    @Test
    void everySqlFileOfTheRepositoryWholeAndCutShortLintsWithoutACrash() throws IOException {
        List<Path> corpus = SqlCorpus.repositorySqlFiles();
        assertTrue(corpus.size() > 100, "the corpus was found: " + corpus.size() + " files");
        Path migrations = Files.createDirectories(project.resolve("supabase/migrations"));
        Path target = migrations.resolve("20250101000000_corpus.sql");
        Random random = new Random(13);
        List<String> crashes = new ArrayList<>();
        for (Path file : corpus) {
            List<String> variants = SqlCorpus.wholeAndCutShort(file, 5, random);
            for (String variant : variants) {
                Files.writeString(target, variant);
                try {
                    new LintFixture(project).lint();
                } catch (RuntimeException e) {
                    crashes.add(file + " (" + variant.length() + " of " + variants.get(0).length() + " chars): " + e);
                }
            }
        }
        assertEquals(List.of(), crashes);
    }
}
