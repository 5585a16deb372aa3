package ai.pmoves.maven;

import java.util.Arrays;
import java.util.List;

/** Parameters given as comma lists ({@code -Dpmoves.skipRules=a,b}), read the same way by every goal. */
final class CommaList {
    private CommaList() {
    }

    /** The non-blank entries, trimmed, in order; empty for null. */
    static List<String> of(String commaList) {
        return commaList == null ? List.of()
                : Arrays.stream(commaList.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
