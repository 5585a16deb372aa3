package ai.pmoves.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** SQL texts for the tests that read every input the same way: the reader, the tokens, the linter. */
public final class SqlCorpus {

    /** Texts that exercise every rule of the statement reader, with COPY data, CRLF, BOM and positions far into lines. */
    public static final List<String> STATEMENTS = List.of(
            "/* outer /* inner; */ still; comment */ SELECT 1;\nSELECT /* a /* b; */ ; */ 2;",
            "-- first; it's 'a'\nSELECT 1 -- trailing; don't\n;\nSELECT 2; -- after; ' \" $x$\n",
            "SELECT 'it''s; fine', 'x';SELECT '';SELECT '''';",
            "SELECT E'it\\'s; here';\nSELECT e'a\\\\';\nSELECT E'x''y;'",
            "SELECT X'FF', b'101', N'a\\', U&'d\\0061t;', u&\"a;b\\\" FROM t;SELECT 2",
            "CREATE FUNCTION g() RETURNS int AS $body$ SELECT 'x;'; $body$ LANGUAGE sql;\nSELECT $Q$ a; $q$ b; $Q$;",
            "PREPARE q(int, int) AS SELECT $1 + $12;EXECUTE q(1, 2);SELECT foo$bar, a$$ FROM t$x",
            "CREATE OR REPLACE FUNCTION f(atomic_x int) RETURNS int\nLANGUAGE sql\nBEGIN ATOMIC\n"
                    + "  SELECT CASE WHEN atomic_x > 0 THEN 1 ELSE 2 END;\n  SELECT t.end FROM t;\nEND;\nSELECT 2;",
            "COPY t (a, b) FROM stdin; -- rest of line ignored; SELECT 'x\n1\tx;y\n2\t\\N\n3\ta\\\\tb 'q' $$ /* \\.\n"
                    + " \\.\n\\.\nSELECT 1;\n",
            "SELECT 0;\nCOPY t FROM STDIN WITH (FORMAT csv);\n1,\"a;\"\n2,b",
            "copy t from stdin;\r\n1\r\n\\.",
            "COPY t FROM STDIN;\n\\.\nSELECT 1;\nCOPY u FROM STDIN",
            "\uFEFFSELECT 1;\r\n\r\nSELECT\r\n  2;\r\n-- x\r\n  SELECT 3;\r\n",
            ";;\nSELECT 1;;\n ; SELECT 2;",
            "SELECT 1; SELECT 2;SELECT 3 ;  SELECT 4");

    /** Texts at the edges of the lexical rules, each kind of unterminated token and each kind of error included. */
    public static final List<String> EDGES = List.of(
            "SELECT E'\\'';\nSELECT E'\\'' AS q, E'a\\\\' AS b, E'\\\\''' AS c, e'x\\\\\\'y' ;",
            "SELECT E'\\\\';SELECT E'''';SELECT E'a\\\nb';",
            "DO $outer$ BEGIN EXECUTE $inner$ SELECT ';' $inner$; PERFORM $$ x; $$; END $outer$;\nSELECT $a$ $b$; $a$;",
            "SELECT $1, $12abc, $_x$ y; $_x$, $\u00e9$ z; $\u00e9$, $a1$ q; $a1$, $1a FROM t;",
            "SELECT 1 $ 2, $, $a b, $; SELECT $ $;",
            "/* /* nested */ */ SELECT 1; /* a /* b /* c; */ */ */ SELECT 2; /**/ SELECT 3; /*/ x; */ SELECT 4;",
            "SELECT 1/*c*/;SELECT 2--c\n;SELECT -- a\n'x'--b\n;SELECT 3/* a */-- b\n/* c */;",
            "SELECT \"quoted\"\"ident\", \"a;b\"\"\"\"c\", \"\" FROM \"t\"\"\";",
            "SELECT U&'d\\0061t;' UESCAPE '!', U&\"d!0061t;\" UESCAPE '!', u&'x', U&x, u & 'y' FROM t;",
            "SELECT a$$b, some'x', name'y', e\"x;\", E \"y\", ee'z' FROM t$1;",
            "SELECT 1e5, .5e3, 1_000, 0x1F, 1\u00e9, 1.2.3, 5.a, .b FROM t;",
            "SELECT x::int, :'var', :\"name\", :v, a:=1 FROM t;",
            "SELECT 'a' 'b', 'multi\nline;', '\u00fcn\u00ef', \"\u00c4\", \u00e4$1 FROM \u00f6;",
            "SELECT 1; -- a comment at the end of the file",
            "SELECT 1; /* a block comment at the end of the file */",
            "SELECT 1 -- a comment at the end, no semicolon",
            "SELECT 1 /* a block comment at the end, no semicolon */",
            "-- only a comment; 'x'",
            "SELECT 'abc",
            "SELECT 1;\nSELECT 'it''s",
            "SELECT E'abc\\'",
            "SELECT E'\\",
            "SELECT \"abc",
            "SELECT \"ab\"\"",
            "SELECT U&'abc",
            "SELECT u&\"abc",
            "SELECT b'101",
            "SELECT $x$ abc $y$",
            "SELECT $$",
            "SELECT $$ a $",
            "SELECT 1; /* a /* b */",
            "SELECT 1; /*",
            "SELECT 1;\n\\set x 1\n",
            "SELECT 1 \\gset\n",
            "SELECT 1; \\",
            "SELECT 1;\nSELECT \0;",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1;");

    private SqlCorpus() {
    }

    /** The SQL files under the repository's test resources, ITs, examples and benchmarks. */
    public static List<Path> repositorySqlFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src/test/resources", "it", "examples", "bench")) {
            Path dir = Path.of(root);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p)).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    /** The text of {@code file} whole, then cut short at {@code cuts} points {@code random} picks. */
    public static List<String> wholeAndCutShort(Path file, int cuts, Random random) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        List<String> variants = new ArrayList<>(List.of(text));
        for (int i = 0; i < cuts; i++) {
            variants.add(text.substring(0, random.nextInt(text.length() + 1)));
        }
        return variants;
    }
}
