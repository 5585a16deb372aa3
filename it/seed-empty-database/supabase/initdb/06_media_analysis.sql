-- Media analysis presets
CREATE TABLE IF NOT EXISTS public.media_analysis_presets (name text PRIMARY KEY, settings jsonb NOT NULL);

INSERT INTO public.media_analysis_presets VALUES
  ('default', '{"fps": 1, "whisper": "small"}'),
  ('fast', '{"fps": 0.5, "whisper": "tiny"}')
ON CONFLICT (name) DO NOTHING;
