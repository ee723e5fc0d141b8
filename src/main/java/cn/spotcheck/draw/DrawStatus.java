package cn.spotcheck.draw;

/** Where a draw record stands: targets drawn, inspectors drawn and the record sealed into the chain, confirmed and public. */
enum DrawStatus {
    TARGETS_DRAWN,
    DRAWN,
    PUBLISHED
}
