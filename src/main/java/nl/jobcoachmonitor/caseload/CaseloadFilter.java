package nl.jobcoachmonitor.caseload;

import nl.jobcoachmonitor.trajectory.TrajectoryPhase;

/** Search text, phase and (for managers) coach; page counts from 0. */
record CaseloadFilter(String q, TrajectoryPhase phase, Long coachId, int page) {

    static final int PAGE_SIZE = 20;

    CaseloadFilter {
        q = q == null ? "" : q.trim();
        page = Math.max(0, page);
    }
}
