insert into public.orders (customer_email, total_cents) values
  ('ana@example.test', 4200),
  ('bo@example.test', 999),
  ('cy@example.test', 15000);

update public.orders set status = 'shipped' where customer_email = 'bo@example.test';
