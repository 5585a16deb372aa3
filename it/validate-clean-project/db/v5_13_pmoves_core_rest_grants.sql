-- REST API grants; the words uuid_generate_v4() and CREATE TABLE in this comment are not code
GRANT SELECT ON public.new_feature TO anon, authenticated;
GRANT ALL ON public.new_feature TO service_role;
COMMENT ON TABLE public.new_feature IS 'uuid_generate_v4() is not used here; CREATE TABLE x (id int) is only text';
