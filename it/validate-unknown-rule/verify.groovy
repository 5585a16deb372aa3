def log = new File(basedir, 'build.log').text

assert log.contains("Unknown rule id 'uuid-osp' in skipRules (-Dpmoves.skipRules): the rules are syntax, duplicate-version, file-name, file-date,"
        + " same-day-forms, uuid-ossp, if-not-exists, drop-policy-first, or-replace, rls-without-policy, supabase-roles,"
        + " history-timestamptz, mixed-transaction, undefined-variable, index-not-concurrent, constraint-not-valid,"
        + " set-not-null, column-type-change, volatile-default, unique-without-index, rename.")
// Nothing was linted and no report was written
assert !log.contains('Validated ')
assert !new File(basedir, 'target/pmoves/validate.json').exists()
true
