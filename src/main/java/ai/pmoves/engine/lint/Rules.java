package ai.pmoves.engine.lint;

import ai.pmoves.engine.PmovesException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Every rule, in the order reports list them: what stops a run first, then what breaks on a rerun or elsewhere. */
public final class Rules {
    /** All rules. */
    public static final List<Rule> ALL = List.of(new SyntaxRule(), new DuplicateVersionRule(), new FileNameRule(),
            new FileDateRule(), new SameDayFormsRule(), new UuidOsspRule(), new IfNotExistsRule(), new DropPolicyFirstRule(), new OrReplaceRule(),
            new RlsWithoutPolicyRule(), new SupabaseRolesRule(), new HistoryTimestamptzRule(),
            new MixedTransactionRule(), new UndefinedVariableRule(), new IndexNotConcurrentRule(),
            new ConstraintNotValidRule(), new SetNotNullRule(), new ColumnTypeChangeRule(), new VolatileDefaultRule(),
            new UniqueWithoutIndexRule(), new RenameRule());

    private Rules() {
    }

    /**
     * The rules left after turning off {@code disabled} (ids, any case).
     *
     * @throws PmovesException naming an unknown id and listing the known ones
     */
    public static List<Rule> enabled(Set<String> disabled) {
        Set<String> ids = ALL.stream().map(Rule::id).collect(Collectors.toCollection(LinkedHashSet::new));
        for (String id : disabled) {
            // a rule only pmoves:plan runs may be in a skipRules that validate shares
            if (!ids.contains(id.toLowerCase(Locale.ROOT)) && !id.equalsIgnoreCase(LockTimeoutUnsetRule.ID)) {
                throw new PmovesException("Unknown rule id '" + id + "' in skipRules (-Dpmoves.skipRules): the rules are "
                        + String.join(", ", ids) + ".");
            }
        }
        List<Rule> enabled = new ArrayList<>();
        for (Rule rule : ALL) {
            if (disabled.stream().noneMatch(id -> id.equalsIgnoreCase(rule.id()))) {
                enabled.add(rule);
            }
        }
        return enabled;
    }
}
