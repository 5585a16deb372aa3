-- Cannot run in a transaction block: the plugin runs this file statement by statement
CREATE INDEX CONCURRENTLY IF NOT EXISTS events_kind_idx ON public.events (kind);
ANALYZE public.events;
