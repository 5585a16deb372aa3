def db = ai.pmoves.it.ItDatabase.of(itPort, basedir)
def log = new File(basedir, 'build.log').text

// The seed's two orders passed the JSON Schema check, and the trigger queued and broadcast each of them
assert db.value("SELECT count(*) FROM public.orders") == 2
assert db.column("SELECT topic || ' ' || event FROM realtime.messages ORDER BY inserted_at") ==
        ['shop:orders order_placed', 'shop:orders order_placed']

// The queue works: a read takes both messages and hides them for its visibility timeout; archive moves one
assert db.column("SELECT read_ct FROM pgmq.read('fulfilment', 30, 10) ORDER BY msg_id") == [1, 1]
assert db.value("SELECT count(*) FROM pgmq.read('fulfilment', 30, 10)") == 0
assert db.value("SELECT pgmq.archive('fulfilment', 1::bigint)") == true
assert db.value("SELECT message -> 'details' ->> 'currency' FROM pgmq.a_fulfilment") == 'EUR'
assert db.value("SELECT queue_length FROM pgmq.metrics('fulfilment')") == 1

// The constraint refuses an order that does not match its schema (a lower-case SKU)
try {
    db.execute("INSERT INTO public.orders (customer_email, details) VALUES ('x@example.test',"
            + " '{\"currency\": \"EUR\", \"lines\": [{\"sku\": \"mug-001\", \"qty\": 1}]}')")
    assert false: 'the CHECK constraint let a bad order in'
} catch (java.sql.SQLException e) {
    assert e.SQLState == '23514'
}

// The dump's statements about the two extensions ran as nothing, each with a line
assert log.contains('Supabase stand-in: CREATE EXTENSION IF NOT EXISTS "pgmq" WITH SCHEMA "pgmq" — the server has no'
        + ' pgmq, so the statement runs as nothing: in its place is a working queue')
assert log.contains('Supabase stand-in: alter extension pgmq update — the server has no pgmq')
assert log.contains('Supabase stand-in: CREATE EXTENSION IF NOT EXISTS "pg_jsonschema" WITH SCHEMA "extensions" — ')

// The second build: nothing applied
assert log =~ /migrations 0 applied, 3 already applied; seeds 0 ran, 1 unchanged\./
true
