select plan(2);
insert into public.accounts (id, balance) values (1, 90);
select is((select count(*)::int from public.accounts), 1, 'the account is there');
select is((select balance from public.accounts where id = 1), 100::numeric,
          'the deposit lands');
