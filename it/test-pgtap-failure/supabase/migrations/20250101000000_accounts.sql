create table public.accounts (
  id int primary key,
  balance numeric not null default 0 check (balance >= 0)
);
