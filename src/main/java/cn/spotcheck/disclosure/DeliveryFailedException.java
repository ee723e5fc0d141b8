package cn.spotcheck.disclosure;

/** A channel could not hand records over; the message says why, in words a clerk or an administrator can act on. */
class DeliveryFailedException extends RuntimeException {

    DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
