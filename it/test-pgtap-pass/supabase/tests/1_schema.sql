-- As the Supabase docs write a test: its own BEGIN ... ROLLBACK around a plan and finish()
begin;
select plan(4);

select has_table('public', 'notes', 'notes exists');
select col_is_pk('public', 'notes', 'id', 'id is the key');
select col_not_null('public', 'notes', 'author', 'every note has an author');
select policies_are('public', 'notes', array['notes_by_author'], 'notes are read by their authors only');

select * from finish();
rollback;
