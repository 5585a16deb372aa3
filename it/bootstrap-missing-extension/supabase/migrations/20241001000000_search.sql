create extension if not exists vector with schema extensions;

create table public.passages (
  id bigint generated always as identity primary key,
  body text not null,
  embedding vector(384)
);

create index on public.passages using hnsw (embedding vector_cosine_ops);

create function public.nearest_passages(query vector(384), k int)
returns setof public.passages
language sql stable
as $$
  select * from public.passages order by embedding <=> query limit k;
$$;
