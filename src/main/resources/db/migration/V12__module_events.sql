-- Domain events between modules (Spring Modulith's JDBC event publication registry): a publication is written in
-- the transaction that raised the event and removed once its listener has handled it, so an event raised by a
-- transaction that committed is handled even if the platform stops before the listener ran.
CREATE TABLE event_publication (
    id               uuid                     NOT NULL PRIMARY KEY,
    listener_id      text                     NOT NULL,
    event_type       text                     NOT NULL,
    serialized_event text                     NOT NULL,
    publication_date timestamp with time zone NOT NULL,
    completion_date  timestamp with time zone
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- 一公开's own copy of each published result, written when the inspection module announces the publication: the
-- public site reads this, never the inspection or target tables. It keeps the target's name and code as published.
CREATE TABLE public_result (
    inspection_code       varchar(40)  PRIMARY KEY,
    target_id             bigint       NOT NULL,
    target_name           varchar(200) NOT NULL,
    target_code           varchar(64),
    target_uscc           char(18),
    target_registration_no varchar(64),
    target_category       varchar(32),
    item_codes            text[]       NOT NULL,
    result_category       varchar(64),
    inspection_end_date   date,
    published_at          timestamptz  NOT NULL
);
CREATE INDEX public_result_published_idx ON public_result (published_at DESC);

INSERT INTO public_result (inspection_code, target_id, target_name, target_code, target_uscc, target_registration_no,
                           target_category, item_codes, result_category, inspection_end_date, published_at)
SELECT i.code, i.target_id, t.name, coalesce(trim(t.uscc), t.registration_no), t.uscc, t.registration_no, t.category,
       i.item_codes, i.result_category, i.inspection_end_date, i.published_at
FROM inspection i JOIN target t ON t.id = i.target_id
WHERE i.published_at IS NOT NULL;
