package cn.spotcheck.inspection;

import java.util.Collection;
import java.util.Map;

/**
 * A column of the 任务台账 kept by a module that builds on inspections (the follow-up): the ledger shows it without
 * the inspection or draw module knowing that module. Asked once per page of rows, not once per row.
 */
public interface LedgerColumn {

    String title();

    /** The column's text for each of {@code inspectionCodes} that has one. */
    Map<String, String> values(Collection<String> inspectionCodes);
}
