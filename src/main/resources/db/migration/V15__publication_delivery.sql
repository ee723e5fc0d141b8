-- Delivery of published results to the bureau's publicity channels (国家企业信用信息公示系统 through its interface, or a
-- day's spreadsheet a clerk uploads by hand). One row per result and channel; a row is DELIVERED only once the
-- receiver acknowledged it, or a clerk confirmed the upload of the file that carried it. Each record travels with an
-- idempotency key (inspection code and version) so that a receiver can drop a repeat after a lost acknowledgement.
ALTER TABLE publicity_outbox ADD COLUMN version integer NOT NULL DEFAULT 1;

CREATE TABLE publication_file_batch (
    id            bigserial    PRIMARY KEY,
    channel       varchar(40)  NOT NULL,
    batch_date    date         NOT NULL,
    created_at    timestamptz  NOT NULL,
    downloaded_at timestamptz,
    downloaded_by varchar(64),
    confirmed_at  timestamptz,
    confirmed_by  varchar(64)
);

CREATE TABLE publication_delivery (
    outbox_id     bigint       NOT NULL REFERENCES publicity_outbox (id),
    channel       varchar(40)  NOT NULL,
    status        varchar(16)  NOT NULL,
    file_batch_id bigint       REFERENCES publication_file_batch (id),
    attempts      integer      NOT NULL DEFAULT 0,
    last_error    varchar(500),
    delivered_at  timestamptz,
    PRIMARY KEY (outbox_id, channel)
);
CREATE INDEX publication_delivery_pending_idx ON publication_delivery (channel, outbox_id) WHERE status = 'PENDING';
CREATE INDEX publication_delivery_batch_idx ON publication_delivery (file_batch_id);
