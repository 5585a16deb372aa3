// The IT needs pgTAP, which the embedded IT server gets from this machine's package: skipped, saying so, without it
def missing = ai.pmoves.testing.PgTapFixture.missingOnThisMachine()
if (missing != null) {
    println "test-pgtap-pass skipped: $missing"
    return false
}
true
