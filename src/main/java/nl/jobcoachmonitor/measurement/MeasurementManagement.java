package nl.jobcoachmonitor.measurement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.shared.ConflictException;
import nl.jobcoachmonitor.shared.NotFoundException;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The measurement module's public API: the waves of a trajectory, the personal links of the employee and the employer
 * contact, the questionnaire a link opens, and the questionnaires the coach fills in (their own, or the employee's
 * answers given on paper or by phone). Staff methods scope through {@link TrajectoryManagement#visible}; the
 * questionnaire methods are authorised by the link alone (no account).
 */
@Service
@Transactional
public class MeasurementManagement {

    private final Waves waves;
    private final Responses responses;
    private final QuestionnaireLinks links;
    private final QuestionnaireMails mails;
    private final Instruments instruments;
    private final TrajectoryManagement trajectories;
    private final PersonalDataAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MeasurementManagement(Waves waves, Responses responses, QuestionnaireLinks links, QuestionnaireMails mails,
            Instruments instruments, TrajectoryManagement trajectories, PersonalDataAccess access,
            ApplicationEventPublisher events, Clock clock) {
        this.waves = waves;
        this.responses = responses;
        this.links = links;
        this.mails = mails;
        this.instruments = instruments;
        this.trajectories = trajectories;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** The waves of a trajectory the user may see, with how far each respondent is; the read is logged. */
    @Transactional(readOnly = true)
    public List<WaveSummary> waves(CurrentUser user, long trajectoryId) {
        var trajectory = trajectories.visible(user, trajectoryId);
        var list = waves.findByTrajectoryIdOrderByDueOnAsc(trajectoryId);
        var all = responses.ofWaves(list.stream().map(MeasurementWave::id).toList());
        Map<Long, Responses.Response> employee = all.stream().filter(r -> r.respondent() == Respondent.EMPLOYEE)
                .collect(Collectors.toMap(Responses.Response::waveId, Function.identity()));
        Map<Long, Responses.Response> employer = all.stream().filter(r -> r.respondent() == Respondent.EMPLOYER)
                .collect(Collectors.toMap(Responses.Response::waveId, Function.identity()));
        Map<Long, Responses.Response> coach = all.stream().filter(r -> r.respondent() == Respondent.COACH)
                .collect(Collectors.toMap(Responses.Response::waveId, Function.identity()));
        var mailNotes = mails.latest(list.stream().map(MeasurementWave::id).toList(), clock.getZone());
        access.read("measurement_wave", trajectoryId, trajectory.employeeId());
        LocalDate today = today();
        return list.stream().map(w -> {
            var employeeState = state(w, Respondent.EMPLOYEE, employee.get(w.id()));
            var coachState = state(w, Respondent.COACH, coach.get(w.id()));
            var employerState = state(w, Respondent.EMPLOYER, employer.get(w.id()));
            boolean employerLinkAllowed = employerState != ResponseState.NOT_ASKED && w.answerableOn(today)
                    && employerState != ResponseState.COMPLETED;
            boolean linkAllowed = employeeState != ResponseState.NOT_ASKED && w.answerableOn(today)
                    && employeeState != ResponseState.COMPLETED;
            boolean coachAllowed = user.isCoach() && coachState != ResponseState.NOT_ASKED && w.answerableOn(today)
                    && coachState != ResponseState.COMPLETED;
            boolean employeeEntryAllowed = user.isCoach() && linkAllowed;
            var notes = mailNotes.getOrDefault(w.id(), Map.of());
            return new WaveSummary(w.id(), w.code(), w.dueOn(), w.stateOn(today), employeeState, linkAllowed,
                    coachState, coachAllowed, employerState, employerLinkAllowed, employeeEntryAllowed,
                    notes.get(Respondent.EMPLOYEE), notes.get(Respondent.EMPLOYER));
        }).toList();
    }

    private static ResponseState state(MeasurementWave wave, Respondent respondent, Responses.Response response) {
        return !wave.asks(respondent) ? ResponseState.NOT_ASKED
                : response == null ? ResponseState.NOT_STARTED
                : response.completed() ? ResponseState.COMPLETED : ResponseState.STARTED;
    }

    // ---- questionnaires the coach fills in: their own, or the employee's answers given on paper or by phone ----

    /**
     * A questionnaire of a wave the coach fills in now, on one page: the coach's own, or the employee's answers the
     * coach enters for them (earlier answers by link are filled in). Only the trajectory's coach, while it is open.
     */
    @Transactional(readOnly = true)
    EntryQuestionnaire entry(CurrentUser user, long trajectoryId, long waveId, Respondent respondent) {
        var trajectory = trajectories.visible(user, trajectoryId);
        var wave = entryWave(user, trajectory, waveId, respondent);
        var started = responses.find(waveId, respondent);
        started.ifPresent(r -> access.read("response", r.id(), trajectory.employeeId()));
        var instrument = started.map(r -> instruments.get(r.instrumentCode(), r.instrumentVersion()))
                .orElseGet(() -> instruments.current(respondent.instrument()));
        return new EntryQuestionnaire(trajectoryId, wave.id(), wave.code(), respondent, instrument,
                started.map(Responses.Response::answers).orElse(Map.of()));
    }

    /**
     * Checks and, when valid, stores and completes the answers (once per wave and respondent). Answers the coach enters
     * for the employee are marked as entered by the coach.
     */
    Instrument.Validation submitEntry(CurrentUser user, long trajectoryId, long waveId, Respondent respondent,
            Map<String, Object> raw) {
        var form = entry(user, trajectoryId, waveId, respondent);
        var employeeId = trajectories.visible(user, trajectoryId).employeeId();
        var validation = form.instrument().validate(form.wave(), raw);
        if (!validation.valid()) {
            return validation;
        }
        var response = responses.start(waveId, respondent, form.instrument(), clock.instant());
        if (!responses.complete(response.id(), validation.answers(), clock.instant(),
                respondent != Respondent.COACH)) {
            throw new ConflictException("response", response.id());
        }
        access.changed("response", response.id(), employeeId);
        events.publishEvent(new QuestionnaireCompleted(trajectoryId, waveId, form.wave(), respondent, response.id()));
        return validation;
    }

    private MeasurementWave entryWave(CurrentUser user, nl.jobcoachmonitor.trajectory.TrajectoryRef trajectory,
            long waveId, Respondent respondent) {
        var wave = waves.findByIdAndTrajectoryId(waveId, trajectory.id())
                .filter(w -> user.isCoach() && trajectory.coachId() == user.id())
                .filter(w -> respondent == Respondent.COACH || respondent == Respondent.EMPLOYEE)
                .orElseThrow(() -> new NotFoundException("wave", waveId));
        boolean completed = responses.find(waveId, respondent).map(Responses.Response::completed).orElse(false);
        if (!wave.asks(respondent) || !wave.answerableOn(today()) || completed) {
            throw new ConflictException("wave", waveId);
        }
        return wave;
    }

    record EntryQuestionnaire(long trajectoryId, long waveId, String wave, Respondent respondent,
            Instrument instrument, Map<String, Object> answers) {

        List<Section> sections() {
            return instrument.sectionsAt(wave);
        }
    }

    /**
     * A new personal link for the employee or the employer contact to answer this wave; any earlier link of theirs for
     * it stops working. The token is returned once and never stored. The link names the employee as the person the
     * answers are about (for the access log), also the employer's.
     */
    public PersonalLink createLink(CurrentUser user, long trajectoryId, long waveId, Respondent respondent) {
        var trajectory = trajectories.visible(user, trajectoryId);
        var wave = linkableWave(trajectoryId, waveId, respondent);
        return newLink(wave, respondent, trajectory.employeeId(), user.id());
    }

    /**
     * The wave of this trajectory if the employee or the employer contact can get a link for it now: it asks them, is
     * open for answers and they have not completed it. The caller has scoped the trajectory.
     */
    @Transactional(readOnly = true)
    MeasurementWave linkableWave(long trajectoryId, long waveId, Respondent respondent) {
        var wave = waves.findByIdAndTrajectoryId(waveId, trajectoryId)
                .orElseThrow(() -> new NotFoundException("wave", waveId));
        if (respondent == Respondent.COACH) {
            throw new NotFoundException("wave", waveId);
        }
        if (!linkAllowed(wave, respondent)) {
            throw new ConflictException("wave", waveId);
        }
        return wave;
    }

    /** Whether the employee or the employer contact can get a (new) link for this wave today. */
    boolean linkAllowed(MeasurementWave wave, Respondent respondent) {
        boolean completed = responses.find(wave.id(), respondent).map(Responses.Response::completed).orElse(false);
        return respondent != Respondent.COACH && wave.asks(respondent) && wave.answerableOn(today()) && !completed;
    }

    /**
     * A new link the system makes for a reminder (no user): any earlier link of this respondent for the wave stops
     * working. The caller has checked {@link #linkAllowed}.
     */
    PersonalLink renewLink(MeasurementWave wave, Respondent respondent, long employeeId) {
        return newLink(wave, respondent, employeeId, null);
    }

    private PersonalLink newLink(MeasurementWave wave, Respondent respondent, long employeeId, Long createdBy) {
        var created = links.create(wave.id(), respondent, employeeId, createdBy, clock.instant());
        access.created("questionnaire_link", created.id(), employeeId);
        return new PersonalLink(wave.code(), respondent, created.token());
    }

    /** The wave code, whom the link is for, and the one-time view of a new link's token. */
    public record PersonalLink(String waveCode, Respondent respondent, String token) {
    }

    // ---- the questionnaire, authorised by the link ----

    /** The link behind a token, if the questionnaire can still be answered with it; empty looks the same for all. */
    Optional<Long> exchange(String token) {
        return links.find(token).filter(link -> {
            var wave = waves.findById(link.waveId()).orElseThrow();
            return wave.answerableOn(today()) && responses.find(link.waveId(), link.respondent())
                    .map(r -> !r.completed()).orElse(true);
        }).map(QuestionnaireLinks.Link::id);
    }

    /** The questionnaire of a link in the respondent's session, started now if it was not yet; empty if gone. */
    Optional<Questionnaire> open(long linkId) {
        return links.active(linkId).flatMap(link -> {
            var wave = waves.findById(link.waveId()).orElseThrow();
            var existing = responses.find(link.waveId(), link.respondent());
            if (existing.map(Responses.Response::completed).orElse(false)) {
                return Optional.of(questionnaire(wave, existing.get(), link));
            }
            if (!wave.answerableOn(today())) {
                return Optional.empty();
            }
            var response = existing.orElseGet(() -> responses.start(wave.id(), link.respondent(),
                    instruments.current(link.respondent().instrument()), clock.instant()));
            access.read("response", response.id(), link.personId());
            return Optional.of(questionnaire(wave, response, link));
        });
    }

    private Questionnaire questionnaire(MeasurementWave wave, Responses.Response response,
            QuestionnaireLinks.Link link) {
        return new Questionnaire(response.id(), wave.trajectoryId(), wave.id(), response.respondent(),
                link.personId(), wave.code(),
                instruments.get(response.instrumentCode(), response.instrumentVersion()), response.answers(),
                response.completed());
    }

    /**
     * Saves one section's answers. When valid, they replace that section's earlier answers; when {@code finish} and
     * the whole questionnaire is valid, the response is completed (exactly once).
     */
    SectionOutcome saveSection(long linkId, String sectionCode, Map<String, Object> raw, boolean finish) {
        var found = open(linkId);
        if (found.isEmpty()) {
            return new SectionOutcome.Gone();
        }
        var q = found.get();
        if (q.completed()) {
            return new SectionOutcome.Completed();
        }
        var section = q.instrument().section(sectionCode).orElse(null);
        if (section == null) {
            return new SectionOutcome.Saved();
        }
        var validation = q.instrument().validateSection(sectionCode, q.wave(), raw, q.answers());
        if (!validation.valid()) {
            return new SectionOutcome.Refused(validation);
        }
        Map<String, Object> answers = new LinkedHashMap<>(q.answers());
        section.items().forEach(i -> answers.remove(i.code()));
        answers.putAll(validation.answers());
        if (finish) {
            var whole = q.instrument().validate(q.wave(), answers);
            if (whole.valid()) {
                if (responses.complete(q.responseId(), whole.answers(), clock.instant())) {
                    access.changed("response", q.responseId(), q.personId());
                    events.publishEvent(new QuestionnaireCompleted(q.trajectoryId(), q.waveId(), q.wave(),
                            q.respondent(), q.responseId()));
                }
                return new SectionOutcome.Completed();
            }
        }
        if (responses.saveAnswers(q.responseId(), answers)) {
            access.changed("response", q.responseId(), q.personId());
        }
        return new SectionOutcome.Saved();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A respondent's questionnaire: the instrument version they answer and their answers so far. */
    record Questionnaire(long responseId, long trajectoryId, long waveId, Respondent respondent, Long personId,
            String wave, Instrument instrument, Map<String, Object> answers,
            boolean completed) {

        List<Section> sections() {
            return instrument.sectionsAt(wave);
        }

        /** Where to resume: the first section with an unanswered question (the last one when all are answered). */
        Section resumeAt() {
            var list = sections();
            return list.stream().filter(s -> !s.answeredIn(wave, answers)).findFirst().orElse(list.get(list.size() - 1));
        }

        /** A section the respondent may open: one they reached already, never one further on. */
        Optional<Section> reachable(String sectionCode) {
            var list = sections();
            int limit = list.indexOf(resumeAt());
            for (int i = 0; i <= limit; i++) {
                if (list.get(i).code().equals(sectionCode)) {
                    return Optional.of(list.get(i));
                }
            }
            return Optional.empty();
        }
    }

    sealed interface SectionOutcome {
        record Saved() implements SectionOutcome { }
        record Completed() implements SectionOutcome { }
        record Gone() implements SectionOutcome { }
        record Refused(Instrument.Validation validation) implements SectionOutcome { }
    }
}
