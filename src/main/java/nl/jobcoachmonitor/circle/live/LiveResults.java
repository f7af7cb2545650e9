package nl.jobcoachmonitor.circle.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public read of a meeting's live session: its polls' results and its questions, as everyone in the session sees
 * them (for the meeting report to embed). Anonymous by construction: only counts per option exist. A poll with fewer
 * than {@value #MINIMUM_ANSWERS} answers shows no distribution, only how many answered. It checks no access: the
 * caller decides who may read a meeting.
 */
@Component
public class LiveResults {

    /** The fewest answers a poll's distribution is shown for. */
    public static final int MINIMUM_ANSWERS = 5;

    /** A meeting's results: every poll (newest first) and the questions the organiser marked answered. */
    public record MeetingResults(long meetingId, List<PollResult> polls, List<Question> answeredQuestions) {
    }

    /**
     * A poll: open or closed, how many answered, whether the distribution is shown ({@code ballots} at least
     * {@value #MINIMUM_ANSWERS}), its options ranked by votes (empty when not shown), and for a work value poll whose
     * data the organiser revealed, the comparison of the guess with the data.
     */
    public record PollResult(long id, PollKind kind, boolean open, int ballots, boolean shown,
            List<OptionResult> options, Comparison comparison) {

        public boolean revealed() {
            return comparison != null;
        }
    }

    /**
     * An option: its work value code or competency label, votes, the share of participants who chose it (0–100) and
     * its rank (ties share a rank).
     */
    public record OptionResult(String code, String label, int votes, int percent, int rank) {
    }

    /**
     * The guess beside the data: per work value, the share and rank of the guess and the employees' published mean
     * importance (1–5) and its rank; {@code top} the work values the employees rated most important, {@code largestGap}
     * the one whose place differs most between guess and data (null when there is no guess to compare).
     */
    public record Comparison(List<ComparedValue> values, List<String> top, String largestGap) {
    }

    /** One work value in the comparison; null where suppressed (data) or not shown (guess). */
    public record ComparedValue(String workValue, Integer guessPercent, Integer guessRank, Double dataMean,
            Integer dataRank, Integer gap) {
    }

    /** A question or addition: the name only when its author chose to show it. */
    public record Question(long id, String text, String authorName, int upvotes, boolean answered, boolean hidden) {
    }

    private record PollRow(long id, PollKind kind, boolean open, int ballots, boolean revealed) {
    }

    private record OptionRow(String code, String label, int votes, Double dataMean) {
    }

    private final JdbcClient jdbc;

    LiveResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public MeetingResults of(long meetingId) {
        List<Question> answered = questions(meetingId, false).stream().filter(Question::answered).toList();
        return new MeetingResults(meetingId, polls(meetingId), answered);
    }

    /** The meeting's polls, newest first. */
    @Transactional(readOnly = true)
    public List<PollResult> polls(long meetingId) {
        List<PollRow> polls = jdbc.sql("select id, kind, state, ballots, revealed from live_poll "
                + "where meeting_id = :m order by id desc").param("m", meetingId)
                .query((rs, n) -> new PollRow(rs.getLong(1), PollKind.valueOf(rs.getString(2)),
                        "OPEN".equals(rs.getString(3)), rs.getInt(4), rs.getBoolean(5)))
                .list();
        List<PollResult> results = new ArrayList<>();
        for (PollRow poll : polls) {
            results.add(result(poll));
        }
        return results;
    }

    /** The meeting's questions: unanswered first, then by upvotes; hidden ones only when asked for (moderation). */
    @Transactional(readOnly = true)
    public List<Question> questions(long meetingId, boolean withHidden) {
        return jdbc.sql("select id, text, author_name, upvotes, answered, hidden from live_question "
                + "where meeting_id = :m" + (withHidden ? "" : " and hidden = false")
                + " order by answered, upvotes desc, id").param("m", meetingId)
                .query((rs, n) -> new Question(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getBoolean(6)))
                .list();
    }

    Optional<Long> meetingOfPoll(long pollId) {
        return jdbc.sql("select meeting_id from live_poll where id = :p").param("p", pollId).query(Long.class)
                .optional();
    }

    private PollResult result(PollRow poll) {
        List<OptionRow> rows = jdbc.sql("select code, label, votes, data_mean from live_poll_option "
                + "where poll_id = :p order by position").param("p", poll.id())
                .query((rs, n) -> new OptionRow(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getBigDecimal(4) == null ? null : rs.getBigDecimal(4).doubleValue()))
                .list();
        boolean shown = poll.ballots() >= MINIMUM_ANSWERS;
        List<OptionResult> options = new ArrayList<>();
        if (shown) {
            int[] ranks = ranks(rows, r -> r.votes());
            for (int i = 0; i < rows.size(); i++) {
                OptionRow r = rows.get(i);
                options.add(new OptionResult(r.code(), r.label(), r.votes(),
                        (int) Math.round(100.0 * r.votes() / poll.ballots()), ranks[i]));
            }
            options.sort(Comparator.comparingInt(OptionResult::rank)); // stable: ties keep the list's order
        }
        Comparison comparison = poll.kind() == PollKind.WORK_VALUE && poll.revealed()
                ? comparison(rows, shown, poll.ballots()) : null;
        return new PollResult(poll.id(), poll.kind(), poll.open(), poll.ballots(), shown, List.copyOf(options),
                comparison);
    }

    private static Comparison comparison(List<OptionRow> rows, boolean guessShown, int ballots) {
        List<OptionRow> withData = rows.stream().filter(r -> r.dataMean() != null).toList();
        int[] guessRanks = ranks(rows, OptionRow::votes);
        int[] dataRanks = ranks(withData, OptionRow::dataMean);
        List<ComparedValue> values = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            OptionRow r = rows.get(i);
            int d = withData.indexOf(r);
            Integer dataRank = d < 0 ? null : dataRanks[d];
            Integer guessRank = guessShown ? guessRanks[i] : null;
            Integer guessPercent = guessShown ? (int) Math.round(100.0 * r.votes() / ballots) : null;
            Integer gap = dataRank != null && guessRank != null ? Math.abs(guessRank - dataRank) : null;
            values.add(new ComparedValue(r.code(), guessPercent, guessRank, r.dataMean(), dataRank, gap));
        }
        // by the data's rank, suppressed last; stable, so ties keep the instrument's order
        values.sort(Comparator.comparing((ComparedValue v) -> v.dataRank() == null ? Integer.MAX_VALUE : v.dataRank()));
        List<String> top = values.stream().filter(v -> Integer.valueOf(1).equals(v.dataRank()))
                .map(ComparedValue::workValue).toList();
        String largestGap = values.stream().filter(v -> v.gap() != null && v.gap() > 0)
                .max(Comparator.comparingInt(ComparedValue::gap)
                        .thenComparing(v -> v.dataMean() == null ? 0 : v.dataMean()))
                .map(ComparedValue::workValue).orElse(null);
        return new Comparison(List.copyOf(values), top, largestGap);
    }

    /** Competition ranks (1, 1, 3, …) by a value, highest first. */
    private static <T> int[] ranks(List<T> items, ToDoubleFunction<T> value) {
        int[] ranks = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            double v = value.applyAsDouble(items.get(i));
            int higher = 0;
            for (T other : items) {
                if (value.applyAsDouble(other) > v) {
                    higher++;
                }
            }
            ranks[i] = higher + 1;
        }
        return ranks;
    }
}
