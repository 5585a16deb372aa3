insert into public.events (kind, at) values
  ('signup', current_date - 1),
  ('signup', current_date - 1),
  ('login', current_date - 1);

select public.roll_up_yesterday();
