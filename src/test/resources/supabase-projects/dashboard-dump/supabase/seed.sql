INSERT INTO "public"."tickets" ("title", "status") VALUES
  ('Login page is slow', 'open'),
  ('Export to CSV', 'closed');
