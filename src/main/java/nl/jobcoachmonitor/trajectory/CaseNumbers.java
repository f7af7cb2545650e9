package nl.jobcoachmonitor.trajectory;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commissioner's client number and order or case number of a trajectory, shown on the trajectory page and on
 * every accountability report made after they are set. Only the trajectory's coach and the organisation's manager see
 * and change them; a change is logged as a change of the employee's data.
 */
@Service
@Transactional
public class CaseNumbers {

    private final TrajectoryManagement trajectories;
    private final JdbcClient jdbc;
    private final PersonalDataAccess access;

    CaseNumbers(TrajectoryManagement trajectories, JdbcClient jdbc, PersonalDataAccess access) {
        this.trajectories = trajectories;
        this.jdbc = jdbc;
        this.access = access;
    }

    /** The trajectory's numbers, as a form to edit. The read is logged (they identify the employee). */
    @Transactional(readOnly = true)
    public CaseNumbersForm of(CurrentUser user, long trajectoryId) {
        var trajectory = scoped(user, trajectoryId);
        access.read("case-numbers", trajectory.id(), trajectory.employeeId());
        return jdbc.sql("select client_number, case_number from trajectory where id = :t").param("t", trajectory.id())
                .query((rs, n) -> new CaseNumbersForm(rs.getString(1), rs.getString(2))).single();
    }

    public void change(CurrentUser user, long trajectoryId, CaseNumbersForm form) {
        var trajectory = scoped(user, trajectoryId);
        jdbc.sql("update trajectory set client_number = :c, case_number = :k, version = version + 1 where id = :t")
                .param("c", CaseNumbersForm.clean(form.clientNumber()))
                .param("k", CaseNumbersForm.clean(form.caseNumber())).param("t", trajectory.id()).update();
        access.changed("trajectory", trajectory.id(), trajectory.employeeId());
    }

    private TrajectoryRef scoped(CurrentUser user, long trajectoryId) {
        if (!user.isCoach() && !user.isManager()) {
            throw new NotFoundException("trajectory", trajectoryId);
        }
        return trajectories.visible(user, trajectoryId);
    }
}
