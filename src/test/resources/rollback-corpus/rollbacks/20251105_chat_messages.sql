BEGIN;
DROP TRIGGER chat_messages_touch ON public.chat_messages;
DROP FUNCTION public.touch_updated_at();
DROP TABLE public.chat_messages;
COMMIT;
