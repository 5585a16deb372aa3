package ai.pmoves.engine.supabase;

/**
 * One piece of the Supabase preparation and what happened to it.
 *
 * @param what   e.g. {@code role anon}, {@code function auth.uid()}
 * @param outcome created, present, repaired, not needed, or left alone (with a warning)
 * @param note   why it was left alone or not needed, or what a stand-in does not do; null otherwise
 */
public record PreparedItem(String what, Outcome outcome, String note) {
    public enum Outcome {
        CREATED("created"), PRESENT("present"), REPAIRED("repaired"), NOT_NEEDED("not needed"),
        LEFT_ALONE("left alone");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Override
    public String toString() {
        return what + ": " + outcome.label() + (note == null ? "" : " — " + note);
    }
}
