package ai.pmoves.engine.supabase;

import ai.pmoves.engine.Counted;
import ai.pmoves.engine.Json;
import ai.pmoves.engine.supabase.PreparedItem.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the preparation did, said once: a summary line for the log ({@code Supabase preparation (emulate): created 9
 * roles, …; stand-ins: net, cron, …}, or {@code … all 42 present} on a later run) and {@code preparation.json} with
 * every item. The items themselves are detail: the log has them at debug level.
 */
public final class PreparationReport {
    private static final String STAND_IN = "stand-in ";

    private PreparationReport() {
    }

    /**
     * The one line: what was created, by kind, the stand-ins by name, what was repaired, and how many were present.
     *
     * @param mode the preparation's mode as the user sets it ({@code auto}, {@code emulate})
     */
    public static String summary(String mode, List<PreparedItem> items) {
        String head = "Supabase preparation (" + mode + "): ";
        if (items.stream().allMatch(i -> i.outcome() == Outcome.PRESENT)) {
            return head + "all " + items.size() + " present.";
        }
        Map<String, Integer> created = new LinkedHashMap<>();
        for (String kind : List.of("role", "schema", "extension", "table or function", "grant", "setting")) {
            created.put(kind, 0);
        }
        List<String> standIns = new ArrayList<>();
        List<String> repaired = new ArrayList<>();
        int present = 0;
        int leftAlone = 0;
        int notNeeded = 0;
        for (PreparedItem item : items) {
            switch (item.outcome()) {
                case CREATED -> {
                    if (item.what().startsWith(STAND_IN)) {
                        standIns.add(standInName(item.what()));
                    } else {
                        created.merge(kind(item.what()), 1, Integer::sum);
                    }
                }
                case REPAIRED -> repaired.add(item.what());
                case PRESENT -> present++;
                case NOT_NEEDED -> notNeeded++;
                case LEFT_ALONE -> leftAlone++;
            }
        }
        List<String> parts = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        created.forEach((kind, n) -> {
            if (n > 0) {
                counts.add(kind.equals("table or function") ? n + (n == 1 ? " table or function"
                        : " tables and functions") : Counted.of(n, kind));
            }
        });
        if (!counts.isEmpty()) {
            parts.add("created " + String.join(", ", counts));
        }
        if (!standIns.isEmpty()) {
            parts.add("stand-ins: " + String.join(", ", standIns));
        }
        if (!repaired.isEmpty()) {
            parts.add("repaired " + String.join(", ", repaired));
        }
        if (notNeeded > 0) {
            parts.add(notNeeded + " not needed (the server has the real extension)");
        }
        if (leftAlone > 0) {
            parts.add(leftAlone + " left alone (see the warnings)");
        }
        if (present > 0) {
            parts.add(present + " present");
        }
        return head + String.join("; ", parts) + ".";
    }

    /** Writes every item, its outcome and note, to {@code file} (e.g. target/pmoves/preparation.json). */
    public static void writeJson(String mode, List<PreparedItem> items, Path file) {
        StringBuilder json = new StringBuilder("{\n  \"mode\": ").append(Json.string(mode)).append(",\n  \"items\": [");
        for (int i = 0; i < items.size(); i++) {
            PreparedItem item = items.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"what\": ").append(Json.string(item.what()))
                    .append(", \"outcome\": ").append(Json.string(item.outcome().label()))
                    .append(", \"note\": ").append(Json.string(item.note())).append('}');
        }
        json.append(items.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        Json.write(file, json.toString());
    }

    /** {@code stand-in net (for pg_net)} is {@code net}. */
    private static String standInName(String what) {
        String name = what.substring(STAND_IN.length());
        int paren = name.indexOf(" (");
        return paren < 0 ? name : name.substring(0, paren);
    }

    private static String kind(String what) {
        for (String kind : List.of("role", "schema", "extension")) {
            if (what.startsWith(kind + " ")) {
                return kind;
            }
        }
        if (what.startsWith("search_path ")) {
            return "setting";
        }
        return what.startsWith("usage ") || what.startsWith("default privileges ") || what.startsWith("membership ")
                ? "grant" : "table or function";
    }
}
