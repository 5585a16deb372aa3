create table public.orders (
  id bigint generated always as identity primary key,
  customer_email text not null,
  details jsonb not null,
  created_at timestamptz not null default now(),
  constraint details_shape check (extensions.jsonb_matches_schema('{
    "type": "object",
    "required": ["lines", "currency"],
    "additionalProperties": false,
    "properties": {
      "currency": {"enum": ["EUR", "USD"]},
      "note": {"type": "string", "maxLength": 200},
      "lines": {
        "type": "array",
        "minItems": 1,
        "items": {
          "type": "object",
          "required": ["sku", "qty"],
          "properties": {
            "sku": {"type": "string", "pattern": "^[A-Z]{3}-[0-9]{3}$"},
            "qty": {"type": "integer", "minimum": 1}
          }
        }
      }
    }
  }', details))
);

alter table public.orders enable row level security;

-- every new order goes to the fulfilment queue and to the shop's dashboard
select pgmq.create('fulfilment');

create function public.order_placed() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform pgmq.send('fulfilment', jsonb_build_object('order_id', new.id, 'details', new.details));
  perform realtime.send(jsonb_build_object('order_id', new.id), 'order_placed', 'shop:orders', true);
  return new;
end;
$$;

create trigger order_placed after insert on public.orders
  for each row execute function public.order_placed();

create policy "staff hear the orders topic" on realtime.messages
  for select to authenticated using (realtime.topic() = 'shop:orders');
