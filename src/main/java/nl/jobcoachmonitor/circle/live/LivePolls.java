package nl.jobcoachmonitor.circle.live;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import nl.jobcoachmonitor.analytics.WorkValueImportance;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.measurement.WorkValue;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The polls of a live session: the organiser opens one (one at a time), closes it and, for the work value guess,
 * reveals the data; participants vote once.
 *
 * <p><b>Anonymity.</b> A vote adds one to the poll's ballots and to each chosen option's counter; no row records who
 * chose what, so no one (organiser, administrator, database) can tell. To refuse a second vote, the voter is recorded
 * apart, as HMAC-SHA256 of the user's id under the poll's random {@code voter_key} (primary key (poll, hash)); the key
 * is erased when the poll closes, after which the hashes name no one.
 */
@Service
@Transactional
class LivePolls {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A participant's view of the poll that is open now. */
    record OpenPoll(long id, PollKind kind, List<Choice> choices, int ballots, boolean voted) {
    }

    /** An option to choose: its id, and a competency's name or a work value's code. */
    record Choice(long id, String code, String label) {
    }

    private final JdbcClient jdbc;
    private final LiveAccess access;
    private final LiveChannel channel;
    private final WorkValueImportance importance;
    private final Clock clock;

    LivePolls(JdbcClient jdbc, LiveAccess access, LiveChannel channel, WorkValueImportance importance, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.channel = channel;
        this.importance = importance;
        this.clock = clock;
    }

    long open(CurrentUser organiser, long meetingId, PollKind kind) {
        var meeting = access.organiser(organiser, meetingId);
        if (openPollId(meetingId).isPresent()) {
            throw new DomainRuleViolation("kind", "live.poll.alreadyOpen");
        }
        List<Choice> choices = kind == PollKind.COMPETENCIES
                ? jdbc.sql("select id, name from circle_competency where circle_id = :c and removed = false "
                        + "order by position, id").param("c", meeting.circleId())
                        .query((rs, n) -> new Choice(0, null, rs.getString(2))).list()
                : java.util.Arrays.stream(WorkValue.values()).map(v -> new Choice(0, v.code(), null)).toList();
        if (choices.size() <= kind.picks()) {
            throw new DomainRuleViolation("kind", "live.poll.tooFewCompetencies");
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        jdbc.sql("insert into live_poll (meeting_id, kind, picks, state, voter_key, opened_at) "
                + "values (:m, :k, :p, 'OPEN', :key, :at)").param("m", meetingId).param("k", kind.name())
                .param("p", kind.picks()).param("key", HexFormat.of().formatHex(key))
                .param("at", OffsetDateTime.now(clock)).update();
        long pollId = jdbc.sql("select max(id) from live_poll where meeting_id = :m").param("m", meetingId)
                .query(Long.class).single();
        int position = 0;
        for (Choice c : choices) {
            jdbc.sql("insert into live_poll_option (poll_id, position, code, label) values (:p, :pos, :code, :label)")
                    .param("p", pollId).param("pos", position++).param("code", c.code()).param("label", c.label())
                    .update();
        }
        channel.publish(new LiveChange(LiveChange.Topic.POLL_STATE, pollId));
        return pollId;
    }

    void close(CurrentUser organiser, long meetingId, long pollId) {
        access.organiser(organiser, meetingId);
        pollOf(meetingId, pollId);
        int closed = jdbc.sql("update live_poll set state = 'CLOSED', voter_key = null, closed_at = :at "
                + "where id = :p and state = 'OPEN'").param("at", OffsetDateTime.now(clock)).param("p", pollId).update();
        if (closed == 0) {
            throw new DomainRuleViolation("poll", "live.poll.closedAlready");
        }
        channel.publish(new LiveChange(LiveChange.Topic.POLL_STATE, pollId));
    }

    /**
     * Reveals, for a closed work value poll, how important the employees of all organisations find each work value
     * (published under the study report's disclosure rules), stored with the poll so every screen and the report show
     * the same figures.
     */
    void reveal(CurrentUser organiser, long meetingId, long pollId) {
        access.organiser(organiser, meetingId);
        var poll = pollOf(meetingId, pollId);
        if (poll.kind() != PollKind.WORK_VALUE) {
            throw new DomainRuleViolation("poll", "live.poll.noData");
        }
        if (poll.open()) {
            throw new DomainRuleViolation("poll", "live.poll.closeFirst");
        }
        for (var value : importance.acrossOrganisations()) {
            jdbc.sql("update live_poll_option set data_mean = :mean, data_n = :n where poll_id = :p and code = :code")
                    .param("mean", value.shown() ? BigDecimal.valueOf(value.mean()) : null, java.sql.Types.DECIMAL)
                    .param("n", value.shown() ? value.n() : null, java.sql.Types.INTEGER)
                    .param("p", pollId).param("code", value.workValue()).update();
        }
        jdbc.sql("update live_poll set revealed = true where id = :p").param("p", pollId).update();
        channel.publish(new LiveChange(LiveChange.Topic.POLL_STATE, pollId));
    }

    /**
     * One participant's vote: exactly as many distinct options of this poll as it asks for, once, while it is open.
     * Nothing is stored unless all of that holds.
     */
    void vote(CurrentUser participant, long meetingId, long pollId, List<Long> optionIds) {
        access.participant(participant, meetingId);
        pollOf(meetingId, pollId);
        String key = jdbc.sql("select voter_key from live_poll where id = :p").param("p", pollId)
                .query(String.class).optional().orElse(null);
        if (key == null) {
            throw new DomainRuleViolation("option", "live.vote.closed");
        }
        int picks = jdbc.sql("select picks from live_poll where id = :p").param("p", pollId).query(Integer.class)
                .single();
        Set<Long> chosen = new LinkedHashSet<>(optionIds == null ? List.of() : optionIds);
        if (optionIds == null || chosen.size() != picks || optionIds.size() != picks) {
            throw new DomainRuleViolation("option", picks == 1 ? "live.vote.pickOne" : "live.vote.pickThree");
        }
        long valid = jdbc.sql("select count(*) from live_poll_option where poll_id = :p and id in (:ids)")
                .param("p", pollId).param("ids", chosen).query(Long.class).single();
        if (valid != picks) {
            throw new DomainRuleViolation("option", picks == 1 ? "live.vote.pickOne" : "live.vote.pickThree");
        }
        try {
            jdbc.sql("insert into live_poll_voter (poll_id, voter_hash) values (:p, :h)").param("p", pollId)
                    .param("h", voterHash(key, participant.id())).update();
        } catch (DuplicateKeyException e) {
            throw new DomainRuleViolation("option", "live.vote.twice");
        }
        // the poll row's lock orders this vote with a concurrent close: a vote counts only while the poll is open
        int counted = jdbc.sql("update live_poll set ballots = ballots + 1 where id = :p and state = 'OPEN'")
                .param("p", pollId).update();
        if (counted == 0) {
            throw new DomainRuleViolation("option", "live.vote.closed");
        }
        jdbc.sql("update live_poll_option set votes = votes + 1 where poll_id = :p and id in (:ids)")
                .param("p", pollId).param("ids", chosen).update();
        channel.publish(new LiveChange(LiveChange.Topic.VOTES, pollId));
    }

    /** The poll open now in this meeting, as this participant sees it (whether they voted already). */
    @Transactional(readOnly = true)
    Optional<OpenPoll> openPoll(CurrentUser participant, long meetingId) {
        return openPollId(meetingId).map(pollId -> {
            record Row(PollKind kind, String key, int ballots) {
            }
            Row row = jdbc.sql("select kind, voter_key, ballots from live_poll where id = :p").param("p", pollId)
                    .query((rs, n) -> new Row(PollKind.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3)))
                    .single();
            List<Choice> choices = jdbc.sql("select id, code, label from live_poll_option where poll_id = :p "
                    + "order by position").param("p", pollId)
                    .query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
            boolean voted = row.key() != null && jdbc.sql("select count(*) from live_poll_voter where poll_id = :p "
                    + "and voter_hash = :h").param("p", pollId).param("h", voterHash(row.key(), participant.id()))
                    .query(Long.class).single() > 0;
            return new OpenPoll(pollId, row.kind(), choices, row.ballots(), voted);
        });
    }

    private Optional<Long> openPollId(long meetingId) {
        return jdbc.sql("select id from live_poll where meeting_id = :m and state = 'OPEN' order by id desc limit 1")
                .param("m", meetingId).query(Long.class).optional();
    }

    private record Poll(PollKind kind, boolean open) {
    }

    private Poll pollOf(long meetingId, long pollId) {
        return jdbc.sql("select kind, state from live_poll where id = :p and meeting_id = :m").param("p", pollId)
                .param("m", meetingId)
                .query((rs, n) -> new Poll(PollKind.valueOf(rs.getString(1)), "OPEN".equals(rs.getString(2))))
                .optional().orElseThrow(() -> new NotFoundException("poll", pollId));
    }

    static String voterHash(String key, long userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(key), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("user:" + userId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
