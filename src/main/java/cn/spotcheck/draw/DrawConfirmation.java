package cn.spotcheck.draw;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 确认并公布: a confirmed draw becomes public, under the name of whoever confirmed it. Confirming twice changes nothing. */
@Service
class DrawConfirmation {

    private final DrawStore store;

    DrawConfirmation(DrawStore store) {
        this.store = store;
    }

    @Transactional
    void confirm(long taskId, String confirmedBy) {
        DrawStore.Stored record = store.requireByTask(taskId);
        if (record.publishedAt() == null) {
            store.confirmed(record.id(), confirmedBy);
        }
    }
}
