package ai.pmoves.engine.supabase;

import ai.pmoves.engine.supabase.StandIns.StandIn;
import java.util.List;

/**
 * pg_jsonschema's four functions, written for this plugin in PL/pgSQL: they really validate a document against the
 * common JSON Schema keywords, recursively, so a CHECK constraint that calls them accepts and refuses what it does on
 * Supabase. The keywords in {@link #UNCHECKED} are not checked: a schema that uses them is validated for the rest (and
 * {@code additionalProperties} is not checked beside {@code patternProperties}, which it depends on). The messages
 * read like the ones pg_jsonschema gives.
 */
final class JsonSchemaStandIn {
    private JsonSchemaStandIn() {
    }

    /** The keywords the stand-in checks. */
    static final List<String> CHECKED = List.of("type", "enum", "const", "properties", "required",
            "additionalProperties", "minProperties", "maxProperties", "items", "minItems", "maxItems", "uniqueItems",
            "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
            "pattern", "allOf", "anyOf", "oneOf", "not");

    /** The keywords it does not check, as the log line names them. */
    static final List<String> UNCHECKED = List.of("$ref", "$defs", "format", "patternProperties", "propertyNames",
            "dependentRequired", "dependentSchemas", "dependencies", "if/then/else", "contains", "prefixItems",
            "unevaluatedProperties", "unevaluatedItems");

    static final StandIn JSONSCHEMA = new StandIn("stand-in pg_jsonschema (for pg_jsonschema)", "pg_jsonschema",
            "extensions.jsonb_matches_schema(json,jsonb)", null, "pmoves' own json_matches_schema,"
            + " jsonb_matches_schema, jsonschema_is_valid and jsonschema_validation_errors, which validate the common"
            + " keywords", "json_matches_schema, jsonb_matches_schema, jsonschema_is_valid and"
            + " jsonschema_validation_errors really validate " + String.join(", ", CHECKED) + "; they do not check "
            + String.join(", ", UNCHECKED) + " (a schema that uses them is validated for the rest)", """
            CREATE FUNCTION extensions._pmoves_jsonschema_errors(s jsonb, v jsonb) RETURNS text[]
              LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
            DECLARE
              errors text[] := '{}';
              kind text := jsonb_typeof(v);
              num numeric := CASE WHEN jsonb_typeof(v) = 'number' THEN (v #>> '{}')::numeric END;
              str text := CASE WHEN jsonb_typeof(v) = 'string' THEN v #>> '{}' END;
              types jsonb;
              extra text[];
              sub jsonb;
              prop text;
              valid integer;
              i integer;
            BEGIN
              IF s = 'false' THEN
                RETURN ARRAY[format('False schema does not allow %s', v)];
              ELSIF jsonb_typeof(s) IS DISTINCT FROM 'object' THEN
                RETURN errors; -- true, or no schema
              END IF;

              IF s ? 'type' THEN
                types := CASE WHEN jsonb_typeof(s -> 'type') = 'array' THEN s -> 'type'
                              ELSE jsonb_build_array(s -> 'type') END;
                IF NOT EXISTS (SELECT FROM jsonb_array_elements_text(types) want WHERE want = kind
                                 OR (want = 'integer' AND num IS NOT NULL AND num = trunc(num))) THEN
                  errors := errors || format('%s is not of type %s', v,
                      (SELECT string_agg(format('%s', t), ', ') FROM jsonb_array_elements(types) t));
                END IF;
              END IF;
              IF s ? 'enum' AND NOT EXISTS (SELECT FROM jsonb_array_elements(s -> 'enum') e WHERE e = v) THEN
                errors := errors || format('%s is not one of %s', v, s -> 'enum');
              END IF;
              IF s ? 'const' AND s -> 'const' <> v THEN
                errors := errors || format('%s was expected', s -> 'const');
              END IF;

              IF num IS NOT NULL THEN
                IF (s -> 'exclusiveMinimum') = 'true' AND num <= (s ->> 'minimum')::numeric
                   OR jsonb_typeof(s -> 'exclusiveMinimum') = 'number' AND num <= (s ->> 'exclusiveMinimum')::numeric THEN
                  errors := errors || format('%s is less than or equal to the minimum of %s', v,
                      coalesce(nullif(s ->> 'exclusiveMinimum', 'true'), s ->> 'minimum'));
                ELSIF num < (s ->> 'minimum')::numeric THEN
                  errors := errors || format('%s is less than the minimum of %s', v, s -> 'minimum');
                END IF;
                IF (s -> 'exclusiveMaximum') = 'true' AND num >= (s ->> 'maximum')::numeric
                   OR jsonb_typeof(s -> 'exclusiveMaximum') = 'number' AND num >= (s ->> 'exclusiveMaximum')::numeric THEN
                  errors := errors || format('%s is greater than or equal to the maximum of %s', v,
                      coalesce(nullif(s ->> 'exclusiveMaximum', 'true'), s ->> 'maximum'));
                ELSIF num > (s ->> 'maximum')::numeric THEN
                  errors := errors || format('%s is greater than the maximum of %s', v, s -> 'maximum');
                END IF;
                IF num % (s ->> 'multipleOf')::numeric <> 0 THEN
                  errors := errors || format('%s is not a multiple of %s', v, s -> 'multipleOf');
                END IF;
              END IF;

              IF str IS NOT NULL THEN
                IF length(str) < (s ->> 'minLength')::integer THEN
                  errors := errors || format('%s is shorter than %s character%s', v, s -> 'minLength',
                      CASE WHEN s ->> 'minLength' = '1' THEN '' ELSE 's' END);
                END IF;
                IF length(str) > (s ->> 'maxLength')::integer THEN
                  errors := errors || format('%s is longer than %s character%s', v, s -> 'maxLength',
                      CASE WHEN s ->> 'maxLength' = '1' THEN '' ELSE 's' END);
                END IF;
                IF NOT str ~ (s ->> 'pattern') THEN
                  errors := errors || format('%s does not match %s', v, s -> 'pattern');
                END IF;
              END IF;

              IF kind = 'object' THEN
                FOR prop IN SELECT jsonb_array_elements_text(s -> 'required') LOOP
                  IF NOT v ? prop THEN
                    errors := errors || format('%s is a required property', to_jsonb(prop));
                  END IF;
                END LOOP;
                FOR prop, sub IN SELECT * FROM jsonb_each(s -> 'properties') LOOP
                  IF v ? prop THEN
                    errors := errors || extensions._pmoves_jsonschema_errors(sub, v -> prop);
                  END IF;
                END LOOP;
                IF s ? 'additionalProperties' AND NOT s ? 'patternProperties' THEN
                  extra := ARRAY(SELECT k FROM jsonb_object_keys(v) k
                                 WHERE NOT coalesce(s -> 'properties' ? k, false) ORDER BY k);
                  IF s -> 'additionalProperties' = 'false' AND cardinality(extra) > 0 THEN
                    errors := errors || format('Additional properties are not allowed (%s %s unexpected)',
                        (SELECT string_agg(quote_literal(k), ', ') FROM unnest(extra) k),
                        CASE WHEN cardinality(extra) = 1 THEN 'was' ELSE 'were' END);
                  ELSE
                    FOREACH prop IN ARRAY extra LOOP
                      errors := errors || extensions._pmoves_jsonschema_errors(s -> 'additionalProperties', v -> prop);
                    END LOOP;
                  END IF;
                END IF;
                IF (SELECT count(*) FROM jsonb_object_keys(v)) < (s ->> 'minProperties')::integer THEN
                  errors := errors || format('%s does not have enough properties', v);
                END IF;
                IF (SELECT count(*) FROM jsonb_object_keys(v)) > (s ->> 'maxProperties')::integer THEN
                  errors := errors || format('%s has too many properties', v);
                END IF;
              END IF;

              IF kind = 'array' THEN
                FOR i IN 0 .. jsonb_array_length(v) - 1 LOOP
                  sub := CASE WHEN jsonb_typeof(s -> 'items') = 'array' THEN s -> 'items' -> i ELSE s -> 'items' END;
                  errors := errors || extensions._pmoves_jsonschema_errors(sub, v -> i);
                END LOOP;
                IF jsonb_array_length(v) < (s ->> 'minItems')::integer THEN
                  errors := errors || format('%s has less than %s item%s', v, s -> 'minItems',
                      CASE WHEN s ->> 'minItems' = '1' THEN '' ELSE 's' END);
                END IF;
                IF jsonb_array_length(v) > (s ->> 'maxItems')::integer THEN
                  errors := errors || format('%s has more than %s item%s', v, s -> 'maxItems',
                      CASE WHEN s ->> 'maxItems' = '1' THEN '' ELSE 's' END);
                END IF;
                IF s -> 'uniqueItems' = 'true'
                   AND (SELECT count(DISTINCT e) FROM jsonb_array_elements(v) e) < jsonb_array_length(v) THEN
                  errors := errors || format('%s has non-unique elements', v);
                END IF;
              END IF;

              FOR sub IN SELECT jsonb_array_elements(s -> 'allOf') LOOP
                errors := errors || extensions._pmoves_jsonschema_errors(sub, v);
              END LOOP;
              IF s ? 'anyOf' AND NOT EXISTS (SELECT FROM jsonb_array_elements(s -> 'anyOf') a
                                             WHERE cardinality(extensions._pmoves_jsonschema_errors(a, v)) = 0) THEN
                errors := errors || format('%s is not valid under any of the schemas listed in the ''anyOf'' keyword', v);
              END IF;
              IF s ? 'oneOf' THEN
                valid := (SELECT count(*) FROM jsonb_array_elements(s -> 'oneOf') o
                          WHERE cardinality(extensions._pmoves_jsonschema_errors(o, v)) = 0);
                IF valid = 0 THEN
                  errors := errors || format('%s is not valid under any of the schemas listed in the ''oneOf'' keyword', v);
                ELSIF valid > 1 THEN
                  errors := errors || format('%s is valid under more than one of the schemas listed in the ''oneOf'' keyword', v);
                END IF;
              END IF;
              IF s ? 'not' AND cardinality(extensions._pmoves_jsonschema_errors(s -> 'not', v)) = 0 THEN
                errors := errors || format('%s is not allowed for %s', s -> 'not', v);
              END IF;
              RETURN errors;
            END
            $$;

            -- whether a schema is well formed, for the keywords the stand-in checks
            CREATE FUNCTION extensions._pmoves_jsonschema_ok(s jsonb) RETURNS boolean
              LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
            DECLARE
              word text;
              given jsonb;
            BEGIN
              IF jsonb_typeof(s) = 'boolean' THEN
                RETURN true;
              ELSIF jsonb_typeof(s) IS DISTINCT FROM 'object' THEN
                RETURN false;
              END IF;
              FOR word, given IN SELECT * FROM jsonb_each(s) LOOP
                IF NOT (CASE
                    WHEN word = 'type' THEN (SELECT bool_and(t #>> '{}' IN ('null', 'boolean', 'object', 'array',
                          'number', 'string', 'integer') AND jsonb_typeof(t) = 'string') AND count(*) > 0
                        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(given) = 'array' THEN given
                                                       ELSE jsonb_build_array(given) END) t)
                    WHEN word IN ('properties') THEN jsonb_typeof(given) = 'object'
                      AND (SELECT coalesce(bool_and(extensions._pmoves_jsonschema_ok(p)), true)
                           FROM jsonb_each(given) e (k, p))
                    WHEN word = 'required' THEN jsonb_typeof(given) = 'array'
                      AND (SELECT coalesce(bool_and(jsonb_typeof(r) = 'string'), true) FROM jsonb_array_elements(given) r)
                    WHEN word = 'enum' THEN jsonb_typeof(given) = 'array'
                    WHEN word IN ('additionalProperties', 'not') THEN extensions._pmoves_jsonschema_ok(given)
                    WHEN word = 'items' THEN CASE WHEN jsonb_typeof(given) = 'array'
                      THEN (SELECT coalesce(bool_and(extensions._pmoves_jsonschema_ok(i)), true)
                            FROM jsonb_array_elements(given) i)
                      ELSE extensions._pmoves_jsonschema_ok(given) END
                    WHEN word IN ('allOf', 'anyOf', 'oneOf') THEN jsonb_typeof(given) = 'array'
                      AND jsonb_array_length(given) > 0
                      AND (SELECT bool_and(extensions._pmoves_jsonschema_ok(a)) FROM jsonb_array_elements(given) a)
                    WHEN word IN ('minimum', 'maximum', 'multipleOf') THEN jsonb_typeof(given) = 'number'
                    WHEN word IN ('exclusiveMinimum', 'exclusiveMaximum') THEN jsonb_typeof(given) IN ('number', 'boolean')
                    WHEN word IN ('minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties')
                      THEN jsonb_typeof(given) = 'number' AND (given #>> '{}')::numeric >= 0
                        AND (given #>> '{}')::numeric = trunc((given #>> '{}')::numeric)
                    WHEN word = 'uniqueItems' THEN jsonb_typeof(given) = 'boolean'
                    WHEN word = 'pattern' THEN jsonb_typeof(given) = 'string'
                    ELSE true
                  END) THEN
                  RETURN false;
                END IF;
                IF word = 'pattern' THEN
                  BEGIN
                    PERFORM '' ~ (given #>> '{}');
                  EXCEPTION WHEN invalid_regular_expression THEN
                    RETURN false;
                  END;
                END IF;
              END LOOP;
              RETURN true;
            END
            $$;

            CREATE FUNCTION extensions.jsonschema_validation_errors(schema json, instance json) RETURNS text[]
              LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
              SELECT extensions._pmoves_jsonschema_errors(schema::jsonb, instance::jsonb)
            $$;
            CREATE FUNCTION extensions.json_matches_schema(schema json, instance json) RETURNS boolean
              LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
              SELECT cardinality(extensions._pmoves_jsonschema_errors(schema::jsonb, instance::jsonb)) = 0
            $$;
            CREATE FUNCTION extensions.jsonb_matches_schema(schema json, instance jsonb) RETURNS boolean
              LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
              SELECT cardinality(extensions._pmoves_jsonschema_errors(schema::jsonb, instance)) = 0
            $$;
            CREATE FUNCTION extensions.jsonschema_is_valid(schema json) RETURNS boolean
              LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
              SELECT extensions._pmoves_jsonschema_ok(schema::jsonb)
            $$;
            COMMENT ON FUNCTION extensions.jsonb_matches_schema(json, jsonb) IS
              'pmoves stand-in for pg_jsonschema: validates the common keywords, not $ref, format and the rest';
            """);
}
