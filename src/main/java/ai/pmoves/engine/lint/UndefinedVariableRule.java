package ai.pmoves.engine.lint;

import ai.pmoves.engine.sql.PsqlVariables;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code :'name'} or {@code :"name"} whose variable the run does not define: psql, and so the plugin, leaves it as
 * written, where it is a syntax error. A bare {@code :name} is not reported, since it may be an array slice.
 */
final class UndefinedVariableRule extends Rule {
    UndefinedVariableRule() {
        super("undefined-variable", Severity.WARNING,
                "a psql variable that is not defined is left as written, so the statement fails with a syntax error",
                "define it: variables in the POM, -Dpmoves.var.NAME=value on the command line (psql: -v NAME=value)");
    }

    @Override
    public void check(LintInput files, List<Finding> out) {
        PsqlVariables defined = new PsqlVariables(files.variables().stream()
                .collect(Collectors.toMap(name -> name, name -> "")));
        for (SourceFile file : files.files()) {
            for (LintStatement statement : file.statements()) {
                for (PsqlVariables.Reference r : defined.undefinedQuoted(statement.statement().sql())) {
                    out.add(at(file, statement, r.offset(), "variable " + r.written() + " is not defined"));
                }
            }
        }
    }
}
