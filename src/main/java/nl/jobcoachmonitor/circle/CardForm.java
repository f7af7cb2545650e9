package nl.jobcoachmonitor.circle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import nl.jobcoachmonitor.coaching.Theme;

/** The organiser writes a knowledge card: title, short text, myths with the facts, where to refer to, themes. */
public class CardForm {

    /** Rows of myths and facts the form offers. */
    public static final int MYTH_ROWS = 4;

    private Long circleId;
    @NotBlank
    @Size(max = 200)
    private String title;
    @NotBlank
    @Size(max = 2000)
    private String summary;
    @Size(max = 2000)
    private String referral;
    private Set<Theme> themes = new LinkedHashSet<>();
    @Valid
    private List<MythForm> myths = new ArrayList<>();

    public static CardForm empty() {
        var form = new CardForm();
        form.fillRows();
        return form;
    }

    public void fillRows() {
        while (myths.size() < MYTH_ROWS) {
            myths.add(new MythForm());
        }
    }

    /** A myth and what is true: a row with a myth needs its fact (checked by {@link KnowledgeCards}). */
    public static class MythForm {
        @Size(max = 500)
        private String myth;
        @Size(max = 1000)
        private String fact;

        public MythForm() {
        }

        public MythForm(String myth, String fact) {
            this.myth = myth;
            this.fact = fact;
        }

        public boolean isBlank() {
            return (myth == null || myth.isBlank()) && (fact == null || fact.isBlank());
        }

        public String getMyth() { return myth; }
        public void setMyth(String myth) { this.myth = myth; }
        public String getFact() { return fact; }
        public void setFact(String fact) { this.fact = fact; }
    }

    public Long getCircleId() { return circleId; }
    public void setCircleId(Long circleId) { this.circleId = circleId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getReferral() { return referral; }
    public void setReferral(String referral) { this.referral = referral; }
    public Set<Theme> getThemes() { return themes; }
    public void setThemes(Set<Theme> themes) { this.themes = themes == null ? new LinkedHashSet<>() : themes; }
    public List<MythForm> getMyths() { return myths; }
    public void setMyths(List<MythForm> myths) { this.myths = myths == null ? new ArrayList<>() : myths; }
}
