-- written by hand: pmoves:new must not overwrite this
CREATE TABLE IF NOT EXISTS public.add_feature_x (id int);
