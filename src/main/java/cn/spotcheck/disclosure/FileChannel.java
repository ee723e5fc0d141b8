package cn.spotcheck.disclosure;

import java.util.List;

/**
 * Where a bureau has no interface to the publicity system: the records go into the day's spreadsheet, which a clerk
 * downloads from {@code /publication}, uploads by hand and then confirms; only the confirmation delivers them.
 */
class FileChannel implements PublicationChannel {

    private final String name;
    private final String title;
    private final DeliveryStore store;

    FileChannel(String name, String title, DeliveryStore store) {
        this.name = name;
        this.title = title;
        this.store = store;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public boolean deliveredOnSend() {
        return false;
    }

    @Override
    public void send(List<OutboxRecord> records) {
        store.fileIntoBatch(name, records);
    }
}
