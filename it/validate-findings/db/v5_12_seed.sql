CREATE OR REPLACE FUNCTION public.new_id() RETURNS uuid LANGUAGE plpgsql AS $$
BEGIN
  RETURN uuid_generate_v4();
END $$;
