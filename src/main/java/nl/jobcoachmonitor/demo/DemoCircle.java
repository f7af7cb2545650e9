package nl.jobcoachmonitor.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's knowledge circle (kenniskring jobcoaching), from the source documents 003 and 004: organised by the
 * demo manager ({@code manager}); knowledge cards about debts, stigma and self-stigma, disclosure and work values;
 * one past meeting with its published report (attended by {@code coach} and {@code coach2} among others) and two
 * upcoming ones, one in person and one online; and a researcher's call for participation. Plain SQL.
 */
final class DemoCircle {

    static final String NAME = "Kenniskring jobcoaching";

    private DemoCircle() {
    }

    private record Card(String title, String summary, String referral, List<String> themes, List<String[]> myths) {
    }

    private static final List<Card> CARDS = List.of(
            new Card("Schuldhulpverlening: wat klopt er wel?",
                    "Schulden veranderen hoe mensen denken en doen: geldzorgen vragen zoveel aandacht dat er minder "
                            + "ruimte is voor plannen en overzicht. De meeste jobcoaches in de kenniskring zagen voor "
                            + "zichzelf een doorverwijsrol: signaleren, bespreekbaar maken en foute aannames wegnemen, "
                            + "zodat de werknemer de stap naar schuldhulpverlening durft te zetten.",
                    "De schuldhulpverlening van de gemeente waar de werknemer woont (aanmelden kan ook met een baan); "
                            + "bij dreigende afsluiting of huisuitzetting meteen contact met de gemeente; vrijwillige "
                            + "thuisadministratie of een schuldhulpmaatje voor overzicht.",
                    List.of("DEBTS", "SELF_MANAGEMENT"),
                    List.<String[]>of(new String[] {"Als ik in de schuldhulpverlening ga, moet ik mijn auto inleveren.",
                                    "Niet waar als de auto nodig is, bijvoorbeeld om naar het werk te komen of een "
                                            + "(chronisch) zieke huisgenoot naar het ziekenhuis te brengen."},
                            new String[] {"Als ik in de schuldhulpverlening ga, moet ik mijn huisdieren wegdoen.",
                                    "Niet waar. Huisdieren mogen blijven; ze worden wel onderhouden van het leefgeld "
                                            + "dat in het traject wordt vastgesteld, en dat bedrag ligt vaak hoger "
                                            + "dan mensen verwachten."})),
            new Card("Stigma en zelfstigma",
                    "Vooroordelen over psychische kwetsbaarheid komen niet alleen van anderen: mensen nemen ze ook "
                            + "over over zichzelf (zelfstigma: ‘ik kan dit toch niet’). Dat remt meer dan de klachten "
                            + "zelf. Benoem het, zoek samen naar wat wel lukt, en laat de werknemer zelf bepalen wat "
                            + "er op het werk verteld wordt.",
                    "Ervaringsdeskundigen en herstelgroepen (via de ggz-instelling of een herstelacademie); de "
                            + "behandelaar, als de werknemer dat wil.",
                    List.of("VULNERABILITY", "DEALING_WITH_EMPLOYEE"),
                    List.<String[]>of(new String[] {"Wie psychisch kwetsbaar is, kan beter niet werken.",
                                    "Werk draagt bij veel mensen juist bij aan herstel. Het gaat om passend werk en "
                                            + "begeleiding op de werkplek, niet om wachten tot alle klachten weg zijn."},
                            new String[] {"Over zelfstigma kun je beter niet beginnen.",
                                    "Benoemen helpt: wie het herkent, kan het bespreken en er iets tegenover "
                                            + "zetten."})),
            new Card("Openheid op het werk: wat vertel je wie?",
                    "Of en wat een werknemer op het werk vertelt over een psychische kwetsbaarheid, beslist de "
                            + "werknemer zelf. De jobcoach helpt kiezen en het gesprek voorbereiden: wat heeft de "
                            + "werknemer nodig, wat wil hij of zij delen, en met wie.",
                    "De bedrijfsarts voor vragen over belastbaarheid en aanpassingen; de jobcoach bij het "
                            + "voorbereiden van het gesprek met de leidinggevende.",
                    List.of("DISCLOSURE", "COMMUNICATION"),
                    List.<String[]>of(new String[] {"Een werkgever mag vragen naar de diagnose.",
                            "Nee. Een werkgever mag niet naar de diagnose of andere medische gegevens vragen; "
                                    + "wel naar wat de werknemer nodig heeft om het werk te doen."})),
            new Card("Werkwaarden: vraag het de werknemer zelf",
                    "Voor het behouden van een baan is het belangrijk dat mensen kunnen waarmaken wat zij belangrijk "
                            + "vinden in werk. Stel open vragen, luister, en laat de werknemer de agenda bepalen.",
                    null,
                    List.of("GROWTH", "WORK_LIFE_BALANCE"),
                    List.<String[]>of(new String[] {"Ik weet wel wat mijn werknemer het belangrijkst vindt aan werk.",
                            "In de online kenniskring kozen de meeste jobcoaches ‘een bijdrage leveren aan iets "
                                    + "waardevols’. De jongeren zelf kozen vaker ‘kennis en vaardigheden "
                                    + "ontwikkelen’, ‘betekenisvolle werkcontacten hebben en houden’ en ‘een goed "
                                    + "inkomen verdienen’. Een eye-opener, zei een deelnemer."})));

    static void write(JdbcTemplate jdbc, Clock clock) {
        Long organiser = jdbc.queryForObject("select id from app_user where username = 'manager'", Long.class);
        jdbc.update("insert into circle (name, organiser_id) values (?, ?)", NAME, organiser);
        long circle = jdbc.queryForObject("select id from circle where name = ?", Long.class, NAME);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Card card : CARDS) {
            jdbc.update("insert into knowledge_card (circle_id, title, summary, referral, written_by, updated_at) "
                    + "values (?, ?, ?, ?, ?, ?)", circle, card.title(), card.summary(), card.referral(), organiser,
                    now);
            long id = jdbc.queryForObject("select id from knowledge_card where circle_id = ? and title = ?",
                    Long.class, circle, card.title());
            int position = 0;
            for (String[] myth : card.myths()) {
                jdbc.update("insert into knowledge_card_myth (card_id, position, myth, fact) values (?, ?, ?, ?)", id,
                        ++position, myth[0], myth[1]);
            }
            for (String theme : card.themes()) {
                jdbc.update("insert into knowledge_card_theme (card_id, theme) values (?, ?)", id, theme);
            }
        }
        LocalDate today = LocalDate.now(clock);
        long past = meeting(jdbc, clock, circle, organiser, "Schulden en schuldhulpverlening",
                "De aanpak van schuldenproblematiek bij werknemers, en de eerste resultaten van het onderzoek naar "
                        + "jobcoaching op de werkvloer.",
                today.minusDays(40), LocalTime.of(13, 30), LocalTime.of(17, 0), "Utrecht", null, 40,
                List.of("DEBTS"),
                List.<String[]>of(new String[] {"TALK", "Onderzoek naar jobcoaching van jongeren met psychische kwetsbaarheden",
                                "onderzoeker, Trimbos-instituut"},
                        new String[] {"WORKSHOP", "De rol van de jobcoach op de werkplek tekenen", "De Beleidsonderzoekers"},
                        new String[] {"WORKSHOP", "De drie belangrijkste van 17 competenties kiezen", "De Beleidsonderzoekers"},
                        new String[] {"TALK", "Hoe schulden gedrag beïnvloeden, en een spoedcursus schuldhulpverlening",
                                "lectoraat Schulden en incasso, Hogeschool Utrecht"},
                        new String[] {"DISCUSSION", "Wat is jouw rol als het om schulden gaat?", null}));
        jdbc.update("update meeting set report = ?, report_published_at = ? where id = ?", """
                Ongeveer veertig jobcoaches van publieke en private organisaties kwamen bij elkaar. Na een korte \
                uitleg over het onderzoek naar jobcoaching op de werkvloer tekenden de deelnemers de rol van de \
                jobcoach: als spin in het web, als smeerolie in de radertjes van een goed lopende machine, als paraplu.
                Uit de casestudies kwamen drie randvoorwaarden: draagvlak bij de werkgever (de wil, ruimte en tijd), \
                vertrouwen en een klik tussen werknemer en jobcoach, en een jobcoach die competent is, genoeg tijd \
                heeft en gestructureerd werkt. Daarna kozen de deelnemers de drie belangrijkste van 17 competenties.
                Alle deelnemers hadden te maken met werknemers met schulden. De meesten zagen voor zichzelf een \
                doorverwijsrol. Na de spoedcursus schuldhulpverlening kunnen zij foute aannames wegnemen, zoals dat \
                je in de schuldhulpverlening je auto moet inleveren en je huisdieren weg moet doen: beide zijn niet \
                waar (zie de kenniskaart over schuldhulpverlening).""", now.minusDays(35), past);
        List<String> attendees = List.of("coach", "coach2", "coach005", "coach009", "coach013", "coach021");
        for (String username : attendees) {
            jdbc.update("""
                    insert into meeting_registration (meeting_id, user_id, status, language, link_base, registered_at,
                      placed_at, reminded_at, attended)
                    select ?, id, 'REGISTERED', 'nl', 'http://localhost:8080', ?, ?, ?, true from app_user
                    where username = ?""", past, now.minusDays(60), now.minusDays(60), now.minusDays(41), username);
        }
        long inPerson = meeting(jdbc, clock, circle, organiser, "Stigma, zelfstigma en openheid op het werk",
                "Hoe help je een werknemer kiezen wat hij of zij op het werk vertelt? Met een ervaringsdeskundige en "
                        + "een bedrijfsarts.",
                today.plusDays(14), LocalTime.of(13, 30), LocalTime.of(16, 30), "Amersfoort", null, 40,
                List.of("VULNERABILITY", "DISCLOSURE"),
                List.<String[]>of(new String[] {"TALK", "Zelfstigma: wat het doet en wat helpt", "ervaringsdeskundige"},
                        new String[] {"WORKSHOP", "Het gesprek met de leidinggevende voorbereiden", "bedrijfsarts"},
                        new String[] {"DISCUSSION", "Wat vertel je wie?", null}));
        for (String username : List.of("coach005", "coach009", "coach013")) {
            jdbc.update("""
                    insert into meeting_registration (meeting_id, user_id, status, language, link_base, registered_at,
                      placed_at)
                    select ?, id, 'REGISTERED', 'nl', 'http://localhost:8080', ?, ? from app_user where username = ?""",
                    inPerson, now.minusDays(3), now.minusDays(3), username);
        }
        meeting(jdbc, clock, circle, organiser, "Werkwaarden: wat vinden de werknemers zelf belangrijk?",
                "Online, met live vragen: eerst raden de deelnemers welke werkwaarde de jongeren het belangrijkst "
                        + "vinden, daarna laat de monitor zien wat de werknemers zelf aangaven.",
                today.plusDays(35), LocalTime.of(15, 0), LocalTime.of(16, 30), null,
                "https://meet.example.org/kenniskring-werkwaarden", 300, List.of("GROWTH", "WORK_LIFE_BALANCE"),
                List.<String[]>of(new String[] {"TALK", "Wat werkt bij jobcoaching van jongvolwassenen?", "Trimbos-instituut"},
                        new String[] {"WORKSHOP", "Raden, dan vergelijken met de gegevens: werkwaarden", null}));
        Long researcher = jdbc.queryForObject("select id from app_user where username = 'onderzoeker'", Long.class);
        jdbc.update("insert into research_call (researcher_id, study, asks, contact, closes_on, created_at) "
                + "values (?, ?, ?, ?, ?, ?)", researcher, "Wat werkt voor het behoud van werk?",
                "Een interview van ongeveer een uur over je aanpak bij twee werknemers die je begeleidt (zonder hun "
                        + "namen), en een korte vragenlijst over je eigen competenties.",
                "l.verbeek@onderzoek.example", today.plusDays(60), now.minusDays(2));
    }

    private static long meeting(JdbcTemplate jdbc, Clock clock, long circle, long organiser, String title,
            String description, LocalDate day, LocalTime from, LocalTime to, String place, String link, int capacity,
            List<String> themes, List<String[]> programme) {
        var zone = clock.getZone();
        jdbc.update("""
                insert into meeting (circle_id, title, description, starts_at, ends_at, format, place, online_link,
                  capacity, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", circle, title, description,
                day.atTime(from).atZone(zone).toOffsetDateTime(), day.atTime(to).atZone(zone).toOffsetDateTime(),
                link == null ? "IN_PERSON" : "ONLINE", place, link, capacity, organiser, OffsetDateTime.now(clock));
        long id = jdbc.queryForObject("select max(id) from meeting where circle_id = ? and title = ?", Long.class,
                circle, title);
        for (String theme : themes) {
            jdbc.update("insert into meeting_theme (meeting_id, theme) values (?, ?)", id, theme);
        }
        int position = 0;
        for (String[] item : programme) {
            jdbc.update("insert into meeting_programme_item (meeting_id, position, kind, title, speakers) "
                    + "values (?, ?, ?, ?, ?)", id, ++position, item[0], item[1], item[2]);
        }
        return id;
    }
}
