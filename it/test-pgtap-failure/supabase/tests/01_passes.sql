select plan(1);
select has_table('public', 'accounts', 'accounts exists');
