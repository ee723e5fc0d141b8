-- The platform's own tables live in schema "spotcheck" (created by Flyway), apart from the engine's tables in
-- "public", which Camunda manages itself. Each capability adds its tables in the migrations that follow.
COMMENT ON SCHEMA spotcheck IS '随机抽查平台业务数据';
