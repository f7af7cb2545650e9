package nl.jobcoachmonitor.measurement;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** One measurement moment of a trajectory (T0, T1, …). */
@Table("measurement_wave")
record MeasurementWave(@Id Long id, Long trajectoryId, String code, LocalDate dueOn, WaveStatus status,
        @Version Integer version) {

    static MeasurementWave plan(long trajectoryId, WaveSchedule.PlannedWave planned) {
        return new MeasurementWave(null, trajectoryId, planned.code(), planned.dueOn(), WaveStatus.OPEN, null);
    }

    MeasurementWindow window() {
        return new MeasurementWindow(dueOn);
    }

    WaveState stateOn(LocalDate today) {
        return status == WaveStatus.CANCELLED ? WaveState.CANCELLED : window().stateOn(today);
    }

    boolean answerableOn(LocalDate today) {
        return status == WaveStatus.OPEN && window().answerableOn(today);
    }

    boolean asks(Respondent respondent) {
        return WaveSchedule.respondents(code).contains(respondent);
    }

    MeasurementWave cancel() {
        return new MeasurementWave(id, trajectoryId, code, dueOn, WaveStatus.CANCELLED, version);
    }

    MeasurementWave reopen() {
        return new MeasurementWave(id, trajectoryId, code, dueOn, WaveStatus.OPEN, version);
    }

    int number() {
        return WaveSchedule.number(code);
    }
}
