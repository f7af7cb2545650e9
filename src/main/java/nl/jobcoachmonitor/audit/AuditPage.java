package nl.jobcoachmonitor.audit;

import java.util.List;

/** One page of a search of the access log. */
record AuditPage(List<AuditEntry> rows, long total, int page) {

    public int pages() {
        return (int) ((total + AuditFilter.PAGE_SIZE - 1) / AuditFilter.PAGE_SIZE);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
