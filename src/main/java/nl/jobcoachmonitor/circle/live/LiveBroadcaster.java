package nl.jobcoachmonitor.circle.live;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * This instance's server-sent event streams, per meeting, and what they are sent when a change is announced. A change
 * is recomputed once per instance (and once per language in use), however many streams follow the meeting, and
 * changes that arrive while one is being recomputed are folded into one more run: with 300 votes in a few seconds each
 * stream gets the latest counts, not 300 renderings. Events: {@code results} (the polls' results, HTML),
 * {@code questions} (the visible questions), {@code moderation} (all questions, to the organiser) and {@code state} (a
 * poll opened or closed: each screen asks again for its own poll panel).
 */
@Component
class LiveBroadcaster {

    static final String FRAGMENTS = "circle/live/fragments";

    private static final Logger log = LoggerFactory.getLogger(LiveBroadcaster.class);
    private static final long STREAM_TIMEOUT = Duration.ofMinutes(30).toMillis();

    /** One open stream: its language, and whether it is the organiser's (who also gets the moderation list). */
    record Subscriber(long meetingId, SseEmitter emitter, Locale locale, boolean organiser) {
    }

    private enum Work { RESULTS, STATE, QUESTIONS }

    private final LiveResults results;
    private final ITemplateEngine templates;
    private final String contextPath;
    private final Map<Long, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> running = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, daemon("circle-live-push"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            daemon("circle-live-heartbeat"));

    LiveBroadcaster(LiveResults results, ITemplateEngine templates,
            @Value("${server.servlet.context-path:}") String contextPath) {
        this.results = results;
        this.templates = templates;
        this.contextPath = contextPath;
        // a comment now and then: proxies keep the stream open, and streams of closed browsers are noticed
        heartbeat.scheduleWithFixedDelay(this::beat, 20, 20, TimeUnit.SECONDS);
    }

    SseEmitter subscribe(long meetingId, Locale locale, boolean organiser) {
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT);
        Subscriber subscriber = new Subscriber(meetingId, emitter, locale, organiser);
        subscribers.computeIfAbsent(meetingId, m -> ConcurrentHashMap.newKeySet()).add(subscriber);
        emitter.onCompletion(() -> remove(subscriber));
        emitter.onTimeout(() -> remove(subscriber));
        emitter.onError(e -> remove(subscriber));
        // a stream starts with the state as it is now: after a reconnect nothing announced meanwhile is missed, and
        // the screen asks again for its poll panel (it may have been opened between the page and its stream)
        try {
            emitter.send(SseEmitter.event().name("state").data("connected"));
            emitter.send(SseEmitter.event().name("results").data(render("results", locale,
                    Map.of("polls", results.polls(meetingId), "base", base(meetingId)))));
            emitter.send(SseEmitter.event().name("questions").data(render("questions", locale,
                    Map.of("questions", results.questions(meetingId, false), "base", base(meetingId)))));
            if (organiser) {
                emitter.send(SseEmitter.event().name("moderation").data(render("moderation", locale,
                        Map.of("questions", results.questions(meetingId, true), "base", base(meetingId)))));
            }
        } catch (IOException e) {
            remove(subscriber);
        }
        return emitter;
    }

    /** The number of streams following this meeting on this instance. */
    int streams(long meetingId) {
        return subscribers.getOrDefault(meetingId, Set.of()).size();
    }

    /** The path prefix of a meeting's live session, for the links in pushed fragments (rendered outside a request). */
    String base(long meetingId) {
        return contextPath + "/circle/meetings/" + meetingId + "/live";
    }

    /** A change was announced (by this instance or another): recompute what it touches and push it. */
    void changed(LiveChange change) {
        switch (change.topic()) {
            case VOTES -> results.meetingOfPoll(change.id()).ifPresent(m -> schedule(m, Work.RESULTS));
            case POLL_STATE -> results.meetingOfPoll(change.id()).ifPresent(m -> schedule(m, Work.STATE));
            case QUESTIONS -> schedule(change.id(), Work.QUESTIONS);
            case EVERYTHING -> {
                schedule(change.id(), Work.STATE);
                schedule(change.id(), Work.QUESTIONS);
            }
        }
    }

    /** Every meeting followed here gets everything again (after announcements may have been missed). */
    void refreshAll() {
        for (Long meetingId : subscribers.keySet()) {
            changed(new LiveChange(LiveChange.Topic.EVERYTHING, meetingId));
        }
    }

    private void schedule(long meetingId, Work work) {
        if (streams(meetingId) == 0) {
            return;
        }
        String key = meetingId + ":" + work;
        if (!pending.add(key)) {
            return; // a run is waiting already; it will read the latest state
        }
        workers.execute(() -> {
            // one run per meeting and kind at a time, so an older reading is never sent after a newer one
            synchronized (running.computeIfAbsent(key, k -> new Object())) {
                pending.remove(key); // before reading: a change from now on gets a run of its own
                try {
                    run(meetingId, work);
                } catch (RuntimeException e) {
                    log.error("Live session {}: pushing {} failed", meetingId, work, e);
                }
            }
        });
    }

    private void run(long meetingId, Work work) {
        switch (work) {
            case STATE -> {
                send(meetingId, s -> true, "state", locale -> "refresh");
                run(meetingId, Work.RESULTS);
            }
            case RESULTS -> {
                var polls = results.polls(meetingId);
                send(meetingId, s -> true, "results", locale -> render("results", locale,
                        Map.of("polls", polls, "base", base(meetingId))));
            }
            case QUESTIONS -> {
                var visible = results.questions(meetingId, false);
                send(meetingId, s -> true, "questions", locale -> render("questions", locale,
                        Map.of("questions", visible, "base", base(meetingId))));
                var all = results.questions(meetingId, true);
                send(meetingId, Subscriber::organiser, "moderation", locale -> render("moderation", locale,
                        Map.of("questions", all, "base", base(meetingId))));
            }
        }
    }

    String render(String fragment, Locale locale, Map<String, Object> variables) {
        return templates.process(FRAGMENTS, Set.of(fragment), new Context(locale, variables));
    }

    /** Sends one event to the meeting's streams that match, rendering its data once per language. */
    private void send(long meetingId, Predicate<Subscriber> to, String event,
            java.util.function.Function<Locale, String> data) {
        Map<Locale, String> rendered = new HashMap<>();
        for (Subscriber s : List.copyOf(subscribers.getOrDefault(meetingId, Set.of()))) {
            if (!to.test(s)) {
                continue;
            }
            String html = rendered.computeIfAbsent(s.locale(), data);
            try {
                s.emitter().send(SseEmitter.event().name(event).data(html));
            } catch (IOException | IllegalStateException e) {
                remove(s); // the browser went away
            }
        }
    }

    private void beat() {
        for (Set<Subscriber> set : subscribers.values()) {
            for (Subscriber s : List.copyOf(set)) {
                try {
                    s.emitter().send(SseEmitter.event().comment("ping"));
                } catch (IOException | IllegalStateException e) {
                    remove(s);
                }
            }
        }
    }

    private void remove(Subscriber subscriber) {
        Set<Subscriber> set = subscribers.get(subscriber.meetingId());
        if (set != null) {
            set.remove(subscriber);
        }
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        workers.shutdownNow();
        for (Set<Subscriber> set : subscribers.values()) {
            for (Subscriber s : set) {
                try {
                    s.emitter().complete();
                } catch (RuntimeException ignored) {
                    // the stream is gone already
                }
            }
        }
        subscribers.clear();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
