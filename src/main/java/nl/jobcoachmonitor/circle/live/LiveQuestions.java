package nl.jobcoachmonitor.circle.live;

import java.time.Clock;
import java.time.OffsetDateTime;

import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questions and additions during a live session: participants post (with their name only if they choose) and upvote
 * (once each); the organiser marks a question answered or hides it (moderation). No user id is kept with a question.
 */
@Service
@Transactional
class LiveQuestions {

    private final JdbcClient jdbc;
    private final LiveAccess access;
    private final LiveChannel channel;
    private final Clock clock;

    LiveQuestions(JdbcClient jdbc, LiveAccess access, LiveChannel channel, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.channel = channel;
        this.clock = clock;
    }

    void post(CurrentUser participant, long meetingId, QuestionForm form) {
        access.participant(participant, meetingId);
        String text = form.text() == null ? "" : form.text().strip();
        if (text.isEmpty()) {
            throw new DomainRuleViolation("text", "live.question.text.required");
        }
        if (text.length() > QuestionForm.MAX_LENGTH) {
            throw new DomainRuleViolation("text", "live.question.text.tooLong");
        }
        long already = jdbc.sql("select count(*) from live_question where submission_key = :k")
                .param("k", form.submissionKey()).query(Long.class).single();
        if (already > 0) {
            return; // the same form again: stored once
        }
        try {
            jdbc.sql("insert into live_question (meeting_id, text, author_name, posted_at, submission_key) "
                    + "values (:m, :t, :a, :at, :k)").param("m", meetingId).param("t", text)
                    .param("a", form.namesAuthor() ? participant.displayName() : null, java.sql.Types.VARCHAR)
                    .param("at", OffsetDateTime.now(clock)).param("k", form.submissionKey()).update();
        } catch (DuplicateKeyException e) {
            return; // sent twice at the same moment: the other copy stored it
        }
        channel.publish(new LiveChange(LiveChange.Topic.QUESTIONS, meetingId));
    }

    void upvote(CurrentUser participant, long meetingId, long questionId) {
        access.participant(participant, meetingId);
        visibleQuestion(meetingId, questionId);
        try {
            jdbc.sql("insert into live_question_upvote (question_id, user_id) values (:q, :u)")
                    .param("q", questionId).param("u", participant.id()).update();
        } catch (DuplicateKeyException e) {
            throw new DomainRuleViolation("question", "live.question.upvotedAlready");
        }
        jdbc.sql("update live_question set upvotes = upvotes + 1 where id = :q").param("q", questionId).update();
        channel.publish(new LiveChange(LiveChange.Topic.QUESTIONS, meetingId));
    }

    void markAnswered(CurrentUser organiser, long meetingId, long questionId) {
        access.organiser(organiser, meetingId);
        question(meetingId, questionId);
        jdbc.sql("update live_question set answered = true where id = :q").param("q", questionId).update();
        channel.publish(new LiveChange(LiveChange.Topic.QUESTIONS, meetingId));
    }

    void hide(CurrentUser organiser, long meetingId, long questionId) {
        access.organiser(organiser, meetingId);
        question(meetingId, questionId);
        jdbc.sql("update live_question set hidden = true where id = :q").param("q", questionId).update();
        channel.publish(new LiveChange(LiveChange.Topic.QUESTIONS, meetingId));
    }

    private boolean question(long meetingId, long questionId) {
        return jdbc.sql("select hidden from live_question where id = :q and meeting_id = :m").param("q", questionId)
                .param("m", meetingId).query(Boolean.class).optional()
                .orElseThrow(() -> new NotFoundException("question", questionId));
    }

    private void visibleQuestion(long meetingId, long questionId) {
        if (question(meetingId, questionId)) {
            throw new NotFoundException("question", questionId);
        }
    }
}
