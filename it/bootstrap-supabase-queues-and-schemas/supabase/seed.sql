insert into public.orders (customer_email, details) values
  ('ada@example.test', '{"currency": "EUR", "lines": [{"sku": "MUG-001", "qty": 2}]}'),
  ('grace@example.test', '{"currency": "USD", "lines": [{"sku": "TEE-042", "qty": 1}], "note": "gift"}');
