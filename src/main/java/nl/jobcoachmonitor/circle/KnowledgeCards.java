package nl.jobcoachmonitor.circle;

import java.time.OffsetDateTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.jobcoachmonitor.coaching.Theme;
import nl.jobcoachmonitor.identity.CurrentUser;
import nl.jobcoachmonitor.shared.DomainRuleViolation;
import nl.jobcoachmonitor.shared.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Knowledge cards per theme: short texts with myths and facts and where to refer to, written by a circle's organiser
 * and linked to the contact themes ({@link Theme}); when a coach ticks a theme on the contact form, the cards of that
 * theme are offered beside it. Cards hold no personal data.
 */
@Service
@Transactional
public class KnowledgeCards {

    private final JdbcClient jdbc;
    private final CircleManagement circles;
    private final Clock clock;

    KnowledgeCards(JdbcClient jdbc, CircleManagement circles, Clock clock) {
        this.jdbc = jdbc;
        this.circles = circles;
        this.clock = clock;
    }

    /** All cards, or those of one theme, by title. */
    @Transactional(readOnly = true)
    public List<KnowledgeCard> all(Theme theme) {
        return theme == null ? cards("", Map.of())
                : cards("where exists (select 1 from knowledge_card_theme t where t.card_id = k.id and t.theme = :t)",
                        Map.of("t", theme.name()));
    }

    /** The cards of any of these themes (the contact form's ticked themes), by title; none for no theme. */
    @Transactional(readOnly = true)
    public List<KnowledgeCard> forThemes(Collection<Theme> themes) {
        if (themes == null || themes.isEmpty()) {
            return List.of();
        }
        return cards("where exists (select 1 from knowledge_card_theme t where t.card_id = k.id and t.theme in (:t))",
                Map.of("t", themes.stream().map(Theme::name).toList()));
    }

    @Transactional(readOnly = true)
    public KnowledgeCard card(long id) {
        return cards("where k.id = :id", Map.of("id", id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("knowledge card", id));
    }

    /** The form with this card, for its circle's organiser (else 404). */
    @Transactional(readOnly = true)
    public CardForm form(CurrentUser organiser, long id) {
        var card = owned(organiser, id);
        var form = new CardForm();
        form.setCircleId(card.circleId());
        form.setTitle(card.title());
        form.setSummary(card.summary());
        form.setReferral(card.referral());
        form.setThemes(new java.util.LinkedHashSet<>(card.themes()));
        form.setMyths(new ArrayList<>(card.myths().stream().map(m -> new CardForm.MythForm(m.myth(), m.fact()))
                .toList()));
        form.fillRows();
        return form;
    }

    /**
     * A new card in a circle this user organises.
     *
     * @throws DomainRuleViolation {@code title} taken in the circle, a myth without its fact (or the reverse)
     */
    public long write(CurrentUser organiser, CardForm form) {
        long circleId = circleOf(organiser, form.getCircleId());
        checkMyths(form);
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into knowledge_card (circle_id, title, summary, referral, written_by, updated_at)
                    values (:c, :t, :s, :r, :by, :at)""").param("c", circleId).param("t", form.getTitle().strip())
                    .param("s", form.getSummary().strip()).param("r", blankToNull(form.getReferral()))
                    .param("by", organiser.id()).param("at", OffsetDateTime.now(clock)).update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new DomainRuleViolation("title", "circle.card.titleTaken");
        }
        long id = keys.getKey().longValue();
        writeParts(id, form);
        return id;
    }

    /** Changes a card of a circle this user organises (else 404). */
    public void rewrite(CurrentUser organiser, long id, CardForm form) {
        var card = owned(organiser, id);
        checkMyths(form);
        try {
            jdbc.sql("""
                    update knowledge_card set title = :t, summary = :s, referral = :r, written_by = :by,
                      updated_at = :at, version = version + 1 where id = :id""").param("t", form.getTitle().strip())
                    .param("s", form.getSummary().strip()).param("r", blankToNull(form.getReferral()))
                    .param("by", organiser.id()).param("at", OffsetDateTime.now(clock)).param("id", card.id())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new DomainRuleViolation("title", "circle.card.titleTaken");
        }
        jdbc.sql("delete from knowledge_card_myth where card_id = :id").param("id", id).update();
        jdbc.sql("delete from knowledge_card_theme where card_id = :id").param("id", id).update();
        writeParts(id, form);
    }

    private KnowledgeCard owned(CurrentUser organiser, long id) {
        var card = card(id);
        if (!circles.organises(organiser, card.circleId())) {
            throw new NotFoundException("knowledge card", id);
        }
        return card;
    }

    private long circleOf(CurrentUser organiser, Long circleId) {
        var organised = circles.organisedBy(organiser);
        if (organised.isEmpty()) {
            throw new NotFoundException("circle", "-");
        }
        if (circleId == null) {
            return organised.get(0).id();
        }
        if (organised.stream().noneMatch(c -> c.id() == circleId)) {
            throw new DomainRuleViolation("circleId", "circle.meeting.circle.notYours");
        }
        return circleId;
    }

    private static void checkMyths(CardForm form) {
        for (int i = 0; i < form.getMyths().size(); i++) {
            var row = form.getMyths().get(i);
            if (row.isBlank()) {
                continue;
            }
            if (row.getMyth() == null || row.getMyth().isBlank()) {
                throw new DomainRuleViolation("myths[" + i + "].myth", "circle.card.mythRequired");
            }
            if (row.getFact() == null || row.getFact().isBlank()) {
                throw new DomainRuleViolation("myths[" + i + "].fact", "circle.card.factRequired");
            }
        }
    }

    private void writeParts(long id, CardForm form) {
        int position = 0;
        for (var row : form.getMyths()) {
            if (row.isBlank()) {
                continue;
            }
            jdbc.sql("insert into knowledge_card_myth (card_id, position, myth, fact) values (:c, :p, :m, :f)")
                    .param("c", id).param("p", ++position).param("m", row.getMyth().strip())
                    .param("f", row.getFact().strip()).update();
        }
        for (Theme theme : form.getThemes()) {
            jdbc.sql("insert into knowledge_card_theme (card_id, theme) values (:c, :t)").param("c", id)
                    .param("t", theme.name()).update();
        }
    }

    private List<KnowledgeCard> cards(String where, Map<String, Object> params) {
        var statement = jdbc.sql("""
                select k.id, k.circle_id, c.name, k.title, k.summary, k.referral from knowledge_card k
                join circle c on c.id = k.circle_id
                """ + where + " order by lower(k.title), k.id");
        for (var p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        var rows = statement.query((rs, n) -> new KnowledgeCard(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), List.of(), List.of())).list();
        if (rows.isEmpty()) {
            return rows;
        }
        var ids = rows.stream().map(KnowledgeCard::id).toList();
        Map<Long, List<KnowledgeCard.Myth>> myths = new HashMap<>();
        jdbc.sql("select card_id, myth, fact from knowledge_card_myth where card_id in (:ids) order by position")
                .param("ids", ids).query((rs, n) -> myths.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new KnowledgeCard.Myth(rs.getString(2), rs.getString(3)))).list();
        Map<Long, List<Theme>> themes = new HashMap<>();
        jdbc.sql("select card_id, theme from knowledge_card_theme where card_id in (:ids) order by theme")
                .param("ids", ids).query((rs, n) -> themes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(Theme.valueOf(rs.getString(2)))).list();
        return rows.stream().map(k -> new KnowledgeCard(k.id(), k.circleId(), k.circleName(), k.title(), k.summary(),
                k.referral(), myths.getOrDefault(k.id(), List.of()), themes.getOrDefault(k.id(), List.of())))
                .toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
