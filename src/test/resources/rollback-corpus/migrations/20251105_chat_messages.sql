-- Written for psql: its BEGIN/COMMIT are skipped, the plugin's own transaction holds it
BEGIN;
CREATE TABLE public.chat_messages (
  id bigserial PRIMARY KEY,
  body text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE FUNCTION public.touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$fn$;
CREATE TRIGGER chat_messages_touch BEFORE UPDATE ON public.chat_messages
  FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();
COMMIT;
