package cn.spotcheck.documents;

import java.util.ArrayList;
import java.util.List;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The documents a transaction issued whose 文号 it takes just before it commits ({@link Documents#issue}). */
final class PendingNumbers implements TransactionSynchronization {

    record Unnumbered(long id, String placeholder, String kind, String series, int year) {
    }

    private final Documents documents;
    private final List<Unnumbered> pending = new ArrayList<>();

    private PendingNumbers(Documents documents) {
        this.documents = documents;
    }

    /** The current transaction's list, registered with it the first time. */
    static PendingNumbers of(Documents documents) {
        PendingNumbers bound = (PendingNumbers) TransactionSynchronizationManager.getResource(PendingNumbers.class);
        if (bound == null) {
            bound = new PendingNumbers(documents);
            TransactionSynchronizationManager.bindResource(PendingNumbers.class, bound);
            TransactionSynchronizationManager.registerSynchronization(bound);
        }
        return bound;
    }

    void add(Unnumbered document) {
        pending.add(document);
    }

    /** A transaction started inside this one (REQUIRES_NEW) keeps a list of its own. */
    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResourceIfPossible(PendingNumbers.class);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(PendingNumbers.class, this);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        if (!pending.isEmpty()) {
            documents.number(List.copyOf(pending));
            pending.clear();
        }
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(PendingNumbers.class);
    }
}
