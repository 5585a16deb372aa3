-- PMOVES.AI Migration: Feature Description
-- Date: 2025-01-15
-- Author: Your Name
-- Jira Issue: PMOVES-123

-- Create table
CREATE TABLE IF NOT EXISTS public.new_feature (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  name TEXT NOT NULL,
  metadata JSONB DEFAULT '{}'::jsonb,
  created_at TIMESTAMPTZ DEFAULT now(),
  updated_at TIMESTAMPTZ DEFAULT now()
);

-- Create indexes
CREATE INDEX IF NOT EXISTS idx_new_feature_name
  ON public.new_feature(name);

-- Enable RLS
ALTER TABLE public.new_feature ENABLE ROW LEVEL SECURITY;

-- Create policies
DROP POLICY IF EXISTS read_new_feature_all ON public.new_feature;
CREATE POLICY read_new_feature_all ON public.new_feature
  FOR SELECT USING (auth.uid() IS NOT NULL);

-- Add comment
COMMENT ON TABLE public.new_feature IS 'New feature for X';
