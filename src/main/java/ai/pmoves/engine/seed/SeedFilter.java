package ai.pmoves.engine.seed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code seedIncludes} / {@code seedExcludes} globs: Maven-style ({@code *} within a name, {@code ?} one char,
 * {@code **} across directories, a trailing {@code /} meaning everything below). A glob holding a {@code /} is matched
 * against the path relative to the project directory ({@code db/v5_12_*.sql}), any other against the file name
 * ({@code v5_12_*.sql}). They choose seed files only: every init script runs.
 */
final class SeedFilter {
    static final String DEFAULT_INCLUDE = "*.sql";

    private record Glob(String text, Pattern pattern, boolean onPath) {
        boolean matches(SeedFile file, String fileName) {
            return pattern.matcher(onPath ? file.path() : fileName).matches();
        }
    }

    private final List<Glob> includes;
    private final List<Glob> excludes;
    private final boolean defaultIncludes;
    private final Set<String> unmatchedIncludes = new LinkedHashSet<>();

    SeedFilter(List<String> includes, List<String> excludes) {
        List<String> in = clean(includes);
        this.defaultIncludes = in.isEmpty();
        this.includes = compile(defaultIncludes ? List.of(DEFAULT_INCLUDE) : in);
        this.excludes = compile(clean(excludes));
        this.includes.forEach(g -> unmatchedIncludes.add(g.text()));
    }

    /** Whether the file counts: it matches an include and no exclude. */
    boolean accepts(SeedFile file) {
        String fileName = file.file().getFileName().toString();
        boolean included = false;
        for (Glob g : includes) {
            if (g.matches(file, fileName)) {
                included = true;
                unmatchedIncludes.remove(g.text());
            }
        }
        return included && excludes.stream().noneMatch(g -> g.matches(file, fileName));
    }

    /** The includes the user gave that have matched no file so far (a typo would otherwise seed nothing, silently). */
    List<String> unmatchedIncludes() {
        return defaultIncludes ? List.of() : List.copyOf(unmatchedIncludes);
    }

    private static List<String> clean(List<String> globs) {
        List<String> out = new ArrayList<>();
        for (String g : globs) {
            String t = g == null ? "" : g.trim().replace('\\', '/');
            if (!t.isEmpty()) {
                out.add(t.endsWith("/") ? t + "**" : t);
            }
        }
        return out;
    }

    private static List<Glob> compile(List<String> globs) {
        return globs.stream().map(g -> new Glob(g, Pattern.compile(regex(g)), g.contains("/"))).toList();
    }

    /** The glob as a regular expression: {@code **}/ may match no directory at all, so {@code **}/a.sql matches a.sql. */
    static String regex(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                re.append("(?:.*/)?");
                i += 3;
            } else if (glob.startsWith("**", i)) {
                re.append(".*");
                i += 2;
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return re.toString();
    }
}
