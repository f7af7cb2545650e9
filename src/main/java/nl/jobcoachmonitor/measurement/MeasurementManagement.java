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
import nl.jobcoachmonitor.identity.OnBehalfOf;
import nl.jobcoachmonitor.identity.PersonalDataAccess;
import nl.jobcoachmonitor.mail.Mails;
import nl.jobcoachmonitor.shared.ConflictException;
import nl.jobcoachmonitor.shared.NotFoundException;
import nl.jobcoachmonitor.trajectory.TrajectoryManagement;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final Mails mails;
    private final Instruments instruments;
    private final TrajectoryManagement trajectories;
    private final PersonalDataAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final WavePlanner planner;

    MeasurementManagement(Waves waves, Responses responses, QuestionnaireLinks links, Mails mails,
            Instruments instruments, TrajectoryManagement trajectories, PersonalDataAccess access,
            ApplicationEventPublisher events, Clock clock, JdbcClient jdbc, WavePlanner planner) {
        this.jdbc = jdbc;
        this.planner = planner;
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

    /**
     * Plans the waves of trajectories written without events (an import), in the caller's transaction: every wave due
     * up to today from the start of coaching on the job (a closed trajectory's waves after its closing day cancelled).
     * The number of waves added.
     */
    public int planWaves(java.util.Collection<Long> trajectoryIds) {
        return planner.plan(trajectoryIds);
    }

    /** Whether this respondent answers at a wave with this code (T1 is the coach's only; the employer at T0 and T2). */
    public static boolean answersAt(String waveCode, Respondent respondent) {
        return waveCode != null && waveCode.matches("T\\d{1,3}")
                && WaveSchedule.respondents(waveCode).contains(respondent);
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
        var mailNotes = mails.latestPerWave(list.stream().map(MeasurementWave::id).toList(), clock.getZone());
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
            boolean afterwardsAllowed = user.isCoach() && trajectory.coachId() == user.id()
                    && afterwardsPossible(w, employee.get(w.id()), today);
            var notes = mailNotes.getOrDefault(w.id(), Map.of());
            var answered = employee.get(w.id());
            boolean afterwards = answered != null && answered.completed() && answered.enteredAfterwards();
            return new WaveSummary(w.id(), w.code(), w.dueOn(), w.stateOn(today), employeeState, linkAllowed,
                    coachState, coachAllowed, employerState, employerLinkAllowed, employeeEntryAllowed,
                    notes.get(Respondent.EMPLOYEE.name()), notes.get(Respondent.EMPLOYER.name()), afterwardsAllowed,
                    afterwards ? day(answered.completedAt()) : null,
                    afterwards ? day(answered.enteredAfterwardsAt()) : null);
        }).toList();
    }

    /**
     * Whether the employee's answers to this wave, given on paper, can be entered afterwards: the wave asks the
     * employee, is not cancelled, its window has opened, and the employee has not completed it (entered once).
     */
    private static boolean afterwardsPossible(MeasurementWave wave, Responses.Response response, LocalDate today) {
        return wave.asks(Respondent.EMPLOYEE) && wave.status() == WaveStatus.OPEN
                && !today.isBefore(wave.window().firstDay()) && (response == null || !response.completed());
    }

    private LocalDate day(java.time.Instant instant) {
        return instant.atZone(clock.getZone()).toLocalDate();
    }

    private static ResponseState state(MeasurementWave wave, Respondent respondent, Responses.Response response) {
        return !wave.asks(respondent) ? ResponseState.NOT_ASKED
                : response == null ? ResponseState.NOT_STARTED
                : response.completed() ? ResponseState.COMPLETED : ResponseState.STARTED;
    }

    /**
     * A completed response of a wave of a trajectory the user may see, to read (coach and manager). The read is logged;
     * a response that is not completed (yet) is not found.
     */
    @Transactional(readOnly = true)
    public CompletedResponse completed(CurrentUser user, long trajectoryId, long waveId, Respondent respondent) {
        var trajectory = trajectories.visible(user, trajectoryId);
        var wave = waves.findByIdAndTrajectoryId(waveId, trajectoryId)
                .orElseThrow(() -> new NotFoundException("wave", waveId));
        var response = responses.find(waveId, respondent).filter(Responses.Response::completed)
                .orElseThrow(() -> new NotFoundException("response", waveId));
        access.read("response", response.id(), trajectory.employeeId());
        return new CompletedResponse(trajectoryId, wave.code(), respondent,
                instruments.get(response.instrumentCode(), response.instrumentVersion()), response.answers(),
                response.completedAt(), response.enteredByCoach());
    }

    /** A completed response with the instrument version it was given to, to show in the viewer's language. */
    public record CompletedResponse(long trajectoryId, String wave, Respondent respondent, Instrument instrument,
            Map<String, Object> answers, java.time.Instant completedAt, boolean enteredByCoach) {

        public List<Section> sections() {
            return instrument.sectionsAt(wave);
        }

        /** The items of a section that were asked, given the answers (a grade only if they told someone). */
        public List<Item> asked(Section section) {
            return section.itemsAt(wave).stream().filter(i -> i.askedAt(wave, answers)).toList();
        }

        /** The answer as the respondent saw it, in the viewer's language; empty when not answered. */
        public String answer(Item item, java.util.Locale locale) {
            Object value = answers.get(item.code());
            if (value == null) {
                return "";
            }
            if (value instanceof java.util.Collection<?> values) {
                return values.stream().map(v -> label(item, String.valueOf(v), locale))
                        .collect(Collectors.joining(", "));
            }
            return label(item, value instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString()
                    : String.valueOf(value), locale);
        }

        private static String label(Item item, String value, java.util.Locale locale) {
            return item.options().stream().filter(o -> o.value().equals(value)).findFirst()
                    .map(o -> o.label().get(locale)).orElse(value);
        }
    }

    /**
     * Per trajectory, the most urgent wave whose questionnaires of the employee or the coach are not all completed
     * while its window is open: overdue before a reminder before open, the oldest first. Trajectories without one are
     * left out. The ids come from a list the user may see already (the caseload); only wave codes and states leave.
     */
    @Transactional(readOnly = true)
    public Map<Long, WaveAttention> attention(java.util.Collection<Long> trajectoryIds) {
        if (trajectoryIds.isEmpty()) {
            return Map.of();
        }
        LocalDate today = today();
        Map<Long, WaveAttention> result = new java.util.HashMap<>();
        Map<Long, LocalDate> due = new java.util.HashMap<>();
        jdbc.sql("""
                select w.trajectory_id, w.code, w.due_on,
                    (select count(*) from response r where r.wave_id = w.id and r.respondent = 'EMPLOYEE'
                       and r.completed_at is not null) as employee,
                    (select count(*) from response r where r.wave_id = w.id and r.respondent = 'COACH'
                       and r.completed_at is not null) as coach
                from measurement_wave w
                where w.trajectory_id in (:ids) and w.status = 'OPEN' and w.due_on <= :today and w.due_on > :closed
                """).param("ids", trajectoryIds).param("today", today)
                .param("closed", today.minusDays(MeasurementWindow.CLOSES_AFTER_DAYS))
                .query((rs, n) -> {
                    String code = rs.getString("code");
                    var asked = WaveSchedule.respondents(code);
                    boolean pending = asked.contains(Respondent.EMPLOYEE) && rs.getInt("employee") == 0
                            || rs.getInt("coach") == 0;
                    if (pending) {
                        long trajectory = rs.getLong("trajectory_id");
                        LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
                        var candidate = new WaveAttention(code, new MeasurementWindow(dueOn).stateOn(today));
                        var current = result.get(trajectory);
                        if (current == null || candidate.state().compareTo(current.state()) > 0
                                || candidate.state() == current.state() && dueOn.isBefore(due.get(trajectory))) {
                            result.put(trajectory, candidate);
                            due.put(trajectory, dueOn);
                        }
                    }
                    return pending;
                }).list();
        return result;
    }

    /** Response rates per wave and per coach of the manager's organisation. */
    @Transactional(readOnly = true)
    public ResponseRates responseRates(CurrentUser user) {
        if (!user.isManager()) {
            throw new NotFoundException("organisation", user.organisationId());
        }
        var overdueFrom = today().minusDays(MeasurementWindow.OVERDUE_AFTER_DAYS);
        Map<String, ResponseRates.Rate> perWave = new java.util.TreeMap<>(
                java.util.Comparator.comparingInt(WaveSchedule::number));
        Map<Long, ResponseRates.Rate> perCoach = new java.util.HashMap<>();
        jdbc.sql("""
                select w.code, t.coach_id, count(*) as waves,
                    sum(case when e.id is null then 0 else 1 end) as employee,
                    sum(case when c.id is null then 0 else 1 end) as coach,
                    sum(case when r.id is null then 0 else 1 end) as employer
                from measurement_wave w
                join trajectory t on t.id = w.trajectory_id
                left join response e on e.wave_id = w.id and e.respondent = 'EMPLOYEE' and e.completed_at is not null
                left join response c on c.wave_id = w.id and c.respondent = 'COACH' and c.completed_at is not null
                left join response r on r.wave_id = w.id and r.respondent = 'EMPLOYER' and r.completed_at is not null
                where t.organisation_id = :organisation and w.status = 'OPEN' and w.due_on <= :overdueFrom
                group by w.code, t.coach_id""")
                .param("organisation", user.organisationId()).param("overdueFrom", overdueFrom)
                .query((rs, n) -> {
                    String code = rs.getString("code");
                    var asked = WaveSchedule.respondents(code);
                    int count = rs.getInt("waves");
                    var rate = new ResponseRates.Rate(WaveSchedule.number(code) > 2 ? "T3" : code,
                            count(asked.contains(Respondent.EMPLOYEE), count, rs.getInt("employee")),
                            count(asked.contains(Respondent.COACH), count, rs.getInt("coach")),
                            count(asked.contains(Respondent.EMPLOYER), count, rs.getInt("employer")));
                    perWave.merge(rate.wave(), rate, ResponseRates.Rate::plus);
                    perCoach.merge(rs.getLong("coach_id"), rate, ResponseRates.Rate::plus);
                    return rate;
                }).list();
        return new ResponseRates(List.copyOf(perWave.values()), Map.copyOf(perCoach));
    }

    private static ResponseRates.Count count(boolean asked, int waves, int completed) {
        return asked ? new ResponseRates.Count(waves, completed) : ResponseRates.Count.NONE;
    }

    // ---- questionnaires the coach fills in: their own, or the employee's answers given on paper or by phone ----

    /**
     * A questionnaire of a wave the coach fills in now, on one page: the coach's own, or the employee's answers the
     * coach enters for them (earlier answers by link are filled in). Only the trajectory's coach, while it is open.
     */
    @Transactional(readOnly = true)
    public EntryQuestionnaire entry(CurrentUser user, long trajectoryId, long waveId, Respondent respondent) {
        var trajectory = trajectories.visible(user, trajectoryId);
        var wave = entryWave(user, trajectory, waveId, respondent);
        var started = responses.find(waveId, respondent);
        // Opening the form is an access to the person's record even before any answer exists.
        started.ifPresentOrElse(r -> access.read("response", r.id(), trajectory.employeeId()),
                () -> access.read("measurement_wave", waveId, trajectory.employeeId()));
        var instrument = started.map(r -> instruments.get(r.instrumentCode(), r.instrumentVersion()))
                .orElseGet(() -> instruments.current(respondent.instrument()));
        return new EntryQuestionnaire(trajectoryId, wave.id(), wave.code(), respondent, instrument,
                started.map(Responses.Response::answers).orElse(Map.of()));
    }

    /**
     * Checks and, when valid, stores and completes the answers (once per wave and respondent). Answers the coach enters
     * for the employee are marked as entered by the coach.
     */
    public Instrument.Validation submitEntry(CurrentUser user, long trajectoryId, long waveId, Respondent respondent,
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

    // ---- the employee's answers given on paper, entered afterwards with the day they were answered ----

    /**
     * The employee's questionnaire of a wave, to enter answers given on paper on an earlier day (an explicit
     * exception: also when the wave's window has closed). Only the trajectory's coach, while the employee has not
     * completed it; the opening is logged as for {@link #entry}.
     */
    @Transactional(readOnly = true)
    public EntryQuestionnaire afterwardsEntry(CurrentUser user, long trajectoryId, long waveId) {
        var trajectory = trajectories.visible(user, trajectoryId);
        var wave = afterwardsWave(user, trajectory, waveId);
        var started = responses.find(waveId, Respondent.EMPLOYEE);
        started.ifPresentOrElse(r -> access.read("response", r.id(), trajectory.employeeId()),
                () -> access.read("measurement_wave", waveId, trajectory.employeeId()));
        var instrument = started.map(r -> instruments.get(r.instrumentCode(), r.instrumentVersion()))
                .orElseGet(() -> instruments.current(Respondent.EMPLOYEE.instrument()));
        return new EntryQuestionnaire(trajectoryId, wave.id(), wave.code(), Respondent.EMPLOYEE, instrument,
                started.map(Responses.Response::answers).orElse(Map.of()));
    }

    /** The days the answer date of a wave may lie on (its window, from the trajectory's start, up to today). */
    @Transactional(readOnly = true)
    public AnswerDays afterwardsDays(CurrentUser user, long trajectoryId, long waveId) {
        var trajectory = trajectories.visible(user, trajectoryId);
        var wave = afterwardsWave(user, trajectory, waveId);
        LocalDate first = wave.window().firstDay();
        if (trajectory.startedOn() != null && trajectory.startedOn().isAfter(first)) {
            first = trajectory.startedOn();
        }
        LocalDate last = wave.window().lastDay().isAfter(today()) ? today() : wave.window().lastDay();
        return new AnswerDays(first, last);
    }

    /** The first and last day a questionnaire entered afterwards may have been answered on. */
    public record AnswerDays(LocalDate first, LocalDate last) {
    }

    /**
     * Stores the employee's answers given on paper on {@code answeredOn}, entered by the coach now: completed on that
     * day (so the indicators and the export use the real date), marked as entered afterwards, and written to the
     * access log as such ("entered afterwards, answered on …"). The date must be allowed for the wave
     * ({@link MeasurementWindow#afterwardsRuleBroken}); otherwise, or with invalid answers, nothing is stored and
     * the errors come back (the date's under the item {@code answeredOn}). A wave already answered cannot be entered
     * twice (a conflict).
     */
    public Instrument.Validation submitAfterwards(CurrentUser user, long trajectoryId, long waveId, LocalDate answeredOn,
            Map<String, Object> raw) {
        var form = afterwardsEntry(user, trajectoryId, waveId);
        var trajectory = trajectories.visible(user, trajectoryId);
        var wave = waves.findById(waveId).orElseThrow();
        var validation = form.instrument().validate(form.wave(), raw);
        String dateError = wave.window().afterwardsRuleBroken(answeredOn, today(), trajectory.startedOn());
        if (dateError != null) {
            List<AnswerError> errors = new java.util.ArrayList<>(validation.errors());
            errors.add(0, new AnswerError(ANSWERED_ON, dateError));
            return new Instrument.Validation(validation.answers(), errors);
        }
        if (!validation.valid()) {
            return validation;
        }
        var response = responses.start(waveId, Respondent.EMPLOYEE, form.instrument(), clock.instant());
        var answeredAt = answeredOn.atTime(12, 0).atZone(clock.getZone()).toInstant();
        if (!responses.completeAfterwards(response.id(), validation.answers(), answeredAt, clock.instant())) {
            throw new ConflictException("response", response.id());
        }
        access.changed("response", response.id() + " entered afterwards, answered on " + answeredOn,
                trajectory.employeeId());
        events.publishEvent(new QuestionnaireCompleted(trajectoryId, waveId, form.wave(), Respondent.EMPLOYEE,
                response.id()));
        return validation;
    }

    /** The item under which the answer date's error is reported. */
    public static final String ANSWERED_ON = "answeredOn";

    private MeasurementWave afterwardsWave(CurrentUser user, nl.jobcoachmonitor.trajectory.TrajectoryRef trajectory,
            long waveId) {
        var wave = waves.findByIdAndTrajectoryId(waveId, trajectory.id())
                .filter(w -> user.isCoach() && trajectory.coachId() == user.id())
                .orElseThrow(() -> new NotFoundException("wave", waveId));
        if (!afterwardsPossible(wave, responses.find(waveId, Respondent.EMPLOYEE).orElse(null), today())) {
            throw new ConflictException("wave", waveId);
        }
        return wave;
    }

    /**
     * Answers given through the API (the coach's own, or the employee's given on paper): stored and completed once,
     * or refused with the errors per item ({@link InvalidAnswers}); nothing is stored then.
     */
    public SubmittedResponse submit(CurrentUser user, long trajectoryId, long waveId, Respondent respondent,
            Map<String, Object> raw) {
        var validation = submitEntry(user, trajectoryId, waveId, respondent, raw);
        if (!validation.valid()) {
            throw new InvalidAnswers(validation.errors());
        }
        var wave = waves.findById(waveId).orElseThrow();
        var response = responses.find(waveId, respondent).orElseThrow();
        return new SubmittedResponse(response.id(), trajectoryId, wave.code(), respondent, response.completedAt(),
                response.enteredByCoach());
    }

    /** A response stored through the API. */
    public record SubmittedResponse(long responseId, long trajectoryId, String wave, Respondent respondent,
            java.time.Instant completedAt, boolean enteredByCoach) {
    }

    /** Answers that do not fit the instrument: the errors per item, nothing stored. */
    public static class InvalidAnswers extends RuntimeException {

        private final transient List<AnswerError> errors;

        InvalidAnswers(List<AnswerError> errors) {
            super("invalid answers");
            this.errors = List.copyOf(errors);
        }

        public List<AnswerError> errors() {
            return errors;
        }
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

    public record EntryQuestionnaire(long trajectoryId, long waveId, String wave, Respondent respondent,
            Instrument instrument, Map<String, Object> answers) {

        public List<Section> sections() {
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
    public Optional<Long> exchange(String token) {
        return links.find(token).filter(link -> {
            var wave = waves.findById(link.waveId()).orElseThrow();
            return wave.answerableOn(today()) && responses.find(link.waveId(), link.respondent())
                    .map(r -> !r.completed()).orElse(true);
        }).map(QuestionnaireLinks.Link::id);
    }

    /** The questionnaire of a link in the respondent's session, started now if it was not yet; empty if gone. */
    public Optional<Questionnaire> open(long linkId) {
        return links.active(linkId).flatMap(link -> {
            access.onBehalfOf(link.respondent() == Respondent.EMPLOYER ? OnBehalfOf.EMPLOYER_CONTACT
                    : OnBehalfOf.EMPLOYEE);
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
                response.completed(), response.respondent() == Respondent.EMPLOYER
                        ? trajectories.parties(wave.trajectoryId()).employeeName() : null);
    }

    /**
     * Saves one section's answers. When valid, they replace that section's earlier answers; when {@code finish} and
     * the whole questionnaire is valid, the response is completed (exactly once).
     */
    public SectionOutcome saveSection(long linkId, String sectionCode, Map<String, Object> raw, boolean finish) {
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
    public record Questionnaire(long responseId, long trajectoryId, long waveId, Respondent respondent, Long personId,
            String wave, Instrument instrument, Map<String, Object> answers,
            boolean completed, String employeeName) {

        public List<Section> sections() {
            return instrument.sectionsAt(wave);
        }

        /** Where to resume: the first section with an unanswered question (the last one when all are answered). */
        public Section resumeAt() {
            var list = sections();
            return list.stream().filter(s -> !s.answeredIn(wave, answers)).findFirst().orElse(list.get(list.size() - 1));
        }

        /** A section the respondent may open: one they reached already, never one further on. */
        public Optional<Section> reachable(String sectionCode) {
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

    public sealed interface SectionOutcome {
        record Saved() implements SectionOutcome { }
        record Completed() implements SectionOutcome { }
        record Gone() implements SectionOutcome { }
        record Refused(Instrument.Validation validation) implements SectionOutcome { }
    }
}
