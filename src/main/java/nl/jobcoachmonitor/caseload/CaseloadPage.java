package nl.jobcoachmonitor.caseload;

import java.util.List;

record CaseloadPage(List<CaseloadRow> rows, long total, int page, int pageSize) {

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
