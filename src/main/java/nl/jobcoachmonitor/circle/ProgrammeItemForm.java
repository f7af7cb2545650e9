package nl.jobcoachmonitor.circle;

import jakarta.validation.constraints.Size;

/** A row of a meeting's programme in the planning form; a row without a title is left out. */
public class ProgrammeItemForm {

    private ProgrammeKind kind = ProgrammeKind.TALK;
    @Size(max = 200)
    private String title;
    @Size(max = 300)
    private String speakers;

    public ProgrammeItemForm() {
    }

    public ProgrammeItemForm(ProgrammeKind kind, String title, String speakers) {
        this.kind = kind;
        this.title = title;
        this.speakers = speakers;
    }

    public boolean isBlank() {
        return title == null || title.isBlank();
    }

    public ProgrammeKind getKind() { return kind; }
    public void setKind(ProgrammeKind kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSpeakers() { return speakers; }
    public void setSpeakers(String speakers) { this.speakers = speakers; }
}
