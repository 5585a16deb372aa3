-- Database webhooks, as the dashboard writes them.
create trigger "orders-created" after insert
on "public"."orders" for each row
execute function "supabase_functions"."http_request"(
  'http://host.docker.internal:3000/api/webhooks/orders',
  'POST',
  '{"Content-Type":"application/json","X-Webhook-Secret":"local-only"}',
  '{}',
  '5000'
);

create trigger "orders-shipped" after update of status
on "public"."orders" for each row
when (new.status = 'shipped')
execute function "supabase_functions"."http_request"(
  'http://host.docker.internal:3000/api/webhooks/shipped',
  'POST',
  '{"Content-Type":"application/json"}',
  '{}',
  '1000'
);
