package nl.jobcoachmonitor.transfer;

/** How many rows of one kind an import creates, updates and leaves alone (unchanged). */
record ImportCount(ImportKind kind, long created, long updated, long unchanged) {

    public long total() {
        return created + updated + unchanged;
    }
}
