package nl.jobcoachmonitor.circle;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import nl.jobcoachmonitor.coaching.Theme;

/**
 * The organiser plans a meeting: a form object of its own (never the meeting), a bean so that the programme's rows
 * bind as {@code programme[0].title}. The rules between fields (a place for a meeting in person, a link for an online
 * one, the end after the start, not in the past) are {@link MeetingManagement#plan}'s.
 */
public class MeetingForm {

    /** Rows of the programme the form offers. */
    public static final int PROGRAMME_ROWS = 5;

    private Long circleId;
    @NotBlank
    @Size(max = 200)
    private String title;
    @Size(max = 2000)
    private String description;
    @NotNull
    private LocalDate date;
    @NotNull
    private LocalTime startTime;
    @NotNull
    private LocalTime endTime;
    @NotNull
    private MeetingFormat format = MeetingFormat.IN_PERSON;
    @Size(max = 300)
    private String place;
    @Size(max = 500)
    private String onlineLink;
    @NotNull
    @Min(1)
    @Max(5000)
    private Integer capacity;
    private Set<Theme> themes = new LinkedHashSet<>();
    @Valid
    private List<ProgrammeItemForm> programme = new ArrayList<>();

    /** An empty form with the programme's rows. */
    public static MeetingForm empty() {
        var form = new MeetingForm();
        form.fillRows();
        return form;
    }

    /** Adds empty programme rows up to {@link #PROGRAMME_ROWS} (after a failed post, for the page). */
    public void fillRows() {
        while (programme.size() < PROGRAMME_ROWS) {
            programme.add(new ProgrammeItemForm());
        }
    }

    /** The programme's rows that have a title. */
    public List<ProgrammeItemForm> items() {
        return programme.stream().filter(i -> !i.isBlank()).toList();
    }

    public Long getCircleId() { return circleId; }
    public void setCircleId(Long circleId) { this.circleId = circleId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public LocalTime getStartTime() { return startTime; }
    public void setStartTime(LocalTime startTime) { this.startTime = startTime; }
    public LocalTime getEndTime() { return endTime; }
    public void setEndTime(LocalTime endTime) { this.endTime = endTime; }
    public MeetingFormat getFormat() { return format; }
    public void setFormat(MeetingFormat format) { this.format = format; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getOnlineLink() { return onlineLink; }
    public void setOnlineLink(String onlineLink) { this.onlineLink = onlineLink; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
    public Set<Theme> getThemes() { return themes; }
    public void setThemes(Set<Theme> themes) { this.themes = themes == null ? new LinkedHashSet<>() : themes; }
    public List<ProgrammeItemForm> getProgramme() { return programme; }
    public void setProgramme(List<ProgrammeItemForm> programme) {
        this.programme = programme == null ? new ArrayList<>() : programme;
    }
}
