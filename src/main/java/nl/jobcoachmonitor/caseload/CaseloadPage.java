package nl.jobcoachmonitor.caseload;

import java.util.List;

record CaseloadPage(List<CaseloadRow> rows, long total, int page, int pageSize) {

    int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    boolean hasPrevious() {
        return page > 0;
    }

    boolean hasNext() {
        return page + 1 < pages();
    }
}
