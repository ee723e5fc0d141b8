-- Failed logins by the address they came from, shared by every node: an address that fails too often within the
-- window may not log in (whoever it claims to be) until its oldest failure leaves the window.
CREATE TABLE login_failure (
    address  varchar(64) NOT NULL,
    at       timestamptz NOT NULL
);
CREATE INDEX login_failure_address_idx ON login_failure (address, at);
