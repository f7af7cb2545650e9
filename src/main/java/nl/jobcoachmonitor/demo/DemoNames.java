package nl.jobcoachmonitor.demo;

import java.util.List;
import java.util.Map;

/** Word lists for the demo cohort: names, employers, job titles and contact notes. All fictitious. */
final class DemoNames {

    static final List<String> FIRST_NAMES = List.of(
            "Lars", "Daan", "Sem", "Thijs", "Bram", "Jesse", "Ruben", "Stijn", "Kevin", "Tim", "Niels", "Jasper",
            "Lisa", "Emma", "Fleur", "Noa", "Anouk", "Sanne", "Lotte", "Iris", "Julia", "Demi", "Romy", "Kim",
            "Yassine", "Soufiane", "Ayoub", "Bilal", "Imane", "Nora", "Fatima", "Salma",
            "Emre", "Mert", "Burak", "Elif", "Zeynep", "Esra",
            "Jermaine", "Rayen", "Shanice", "Chantal", "Giovanni", "Naomi",
            "Kacper", "Natalia", "Ahmad", "Rahwa", "Yonas", "Dilan", "Mei", "Priya", "Sven", "Mila", "Luuk", "Femke");

    static final List<String> LAST_NAMES = List.of(
            "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos",
            "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
            "de Graaf", "van der Meer", "van den Berg", "Kok", "Jacobs", "Vermeulen", "van Dijk", "Schouten",
            "Willems", "Hoekstra", "Koster", "Prins", "Postma", "Kuipers", "Wolters", "Veenstra", "Timmermans",
            "El Idrissi", "Bouzid", "Tahiri", "Benali", "Yilmaz", "Kaya", "Demir", "Aydin",
            "Martina", "Kross", "Wijngaarde", "Nowak", "Kowalski", "Haile", "Tesfay", "Al-Hassan", "Chen", "Ramdin");

    /** Names for places, buildings and shops, as used in Dutch company names. */
    static final List<String> PLACE_NAMES = List.of(
            "De Linde", "De Eik", "Het Klaverblad", "De Berkenhof", "Zonnehof", "Het Anker", "De Brug",
            "Waterkant", "Rijnzicht", "De Hoge Weide", "Het Baken", "De Kastanje", "Sprengenland", "De Vlasakker",
            "Het Veluwse Hof", "De Beuk", "IJsselzicht", "De Regenboog", "Het Erf", "De Molen", "Bosrand",
            "De Poort", "Het Kompas", "De Wilgen");

    /** A sector with the shapes of its employer names and the jobs it offers. */
    record Sector(String name, List<String> employerNames, List<String> jobTitles) {
    }

    /** Employer names use {place}, {surname} and {city}. */
    static final List<Sector> SECTORS = List.of(
            new Sector("Detailhandel", List.of("Supermarkt {place}", "Buurtsuper {surname}", "Bouwmarkt {city}"),
                    List.of("Vakkenvuller", "Medewerker kassa", "Medewerker versafdeling", "Winkelmedewerker")),
            new Sector("Zorg", List.of("Zorgcentrum {place}", "Woonzorgcentrum {place}", "Verpleeghuis {place}"),
                    List.of("Medewerker huishouding", "Gastvrouw/gastheer", "Helpende zorg", "Activiteitenbegeleider")),
            new Sector("Groen", List.of("Gemeente {city} buitendienst", "Hoveniersbedrijf {surname}",
                    "Tuincentrum {place}"),
                    List.of("Medewerker groenvoorziening", "Hovenier", "Medewerker tuincentrum")),
            new Sector("ICT", List.of("{place} IT Services", "Servicedesk {city}", "Datacenter {city}"),
                    List.of("Helpdeskmedewerker", "Medewerker ICT-support", "Testmedewerker software")),
            new Sector("Horeca", List.of("Bakkerij {surname}", "Lunchroom {place}", "Restaurant {place}",
                    "Hotel {place}"),
                    List.of("Kok", "Keukenmedewerker", "Medewerker bediening", "Medewerker bakkerij")),
            new Sector("Logistiek", List.of("Distributiecentrum {city}", "{surname} Logistiek",
                    "Koeriersdienst {place}"),
                    List.of("Medewerker logistiek", "Orderpicker", "Magazijnmedewerker", "Chauffeur bestelbus")),
            new Sector("Zakelijke dienstverlening", List.of("Administratiekantoor {surname}",
                    "Klantcontactcentrum {city}", "Uitzendbureau {place}"),
                    List.of("Administratief medewerker", "Receptionist", "Medewerker klantenservice",
                            "Medewerker postkamer")),
            new Sector("Schoonmaak en facilitair", List.of("{place} Schoonmaakdiensten", "Facilitair bedrijf {city}"),
                    List.of("Schoonmaker", "Medewerker facilitaire dienst")),
            new Sector("Industrie", List.of("Metaalbewerking {surname}", "Drukkerij {place}",
                    "Timmerfabriek {surname}", "Voedingsmiddelenfabriek {city}"),
                    List.of("Productiemedewerker", "Operator", "Medewerker inpak")),
            new Sector("Onderwijs en cultuur", List.of("Kinderopvang {place}", "Bibliotheek {city}",
                    "Museum {place}"),
                    List.of("Pedagogisch medewerker", "Medewerker bibliotheek", "Medewerker publieksservice")),
            new Sector("Sociaal ondernemen", List.of("Kringloopwinkel {place}", "Fietsenmakerij {place}"),
                    List.of("Medewerker kringloop", "Fietsenmaker", "Medewerker werkplaats")),
            new Sector("Mobiliteit", List.of("Autobedrijf {surname}", "Fietsverhuur {city}"),
                    List.of("Medewerker werkplaats", "Autopoetser", "Medewerker verhuur")));

    /** Relative weights of the sectors above, in the same order. */
    static final int[] SECTOR_WEIGHTS = {14, 13, 8, 6, 12, 12, 9, 7, 7, 5, 4, 3};

    /** Short notes per theme, as a coach would write them in the contact log. */
    static final Map<String, List<String>> NOTES = Map.ofEntries(
            Map.entry("LIMITS", List.of("Gesprek over werkdruk en grenzen aangeven",
                    "Belastbaarheid besproken: pauzes beter inplannen", "Samen gekeken welke uren haalbaar zijn",
                    "Geoefend met nee zeggen tegen extra diensten")),
            Map.entry("STRESS", List.of("Spanning rond drukke weken op het werk besproken",
                    "Stresssignalen in kaart gebracht", "Wat te doen als het te veel wordt: plan gemaakt",
                    "Terugblik op een zware week, rustmomenten afgesproken")),
            Map.entry("WORK_LIFE_BALANCE", List.of("Balans tussen werk en thuis besproken",
                    "Weekplanning gemaakt met vaste rustmomenten", "Slaapritme en vroege diensten besproken")),
            Map.entry("COMMUNICATION", List.of("Voorbereid hoe feedback te vragen aan leidinggevende",
                    "Gesprek met collega geëvalueerd", "Geoefend met hulp vragen op de werkvloer",
                    "Voorbereiding functioneringsgesprek")),
            Map.entry("VULNERABILITY", List.of("Zelfbeeld en omgaan met klachten besproken",
                    "Signaleringsplan bijgewerkt", "Omgaan met vooroordelen op het werk besproken")),
            Map.entry("DISCLOSURE", List.of("Besproken wat te vertellen aan collega's",
                    "Afweging openheid naar leidinggevende", "Voorbereid hoe klachten uit te leggen aan het team")),
            Map.entry("CHANGES_EVENTS", List.of("Nieuwe leidinggevende: verwachtingen besproken",
                    "Verhuizing en gevolgen voor werk besproken", "Reorganisatie op de afdeling besproken",
                    "Nieuw rooster doorgenomen")),
            Map.entry("DEBTS", List.of("Geldzorgen besproken, doorverwezen naar schuldhulpverlening",
                    "Samen budgetoverzicht gemaakt", "Brief van deurwaarder samen doorgenomen")),
            Map.entry("PRACTICAL_ARRANGEMENTS", List.of("Reistijd en rooster doorgenomen",
                    "Afspraken over ziekmelding doorgenomen", "Vervoer naar het werk geregeld")),
            Map.entry("SELF_MANAGEMENT", List.of("Eigen weekplanning gemaakt",
                    "Zelf signalen herkennen en actie ondernemen", "Eigen doelen geëvalueerd")),
            Map.entry("GROWTH", List.of("Wens voor meer uren besproken", "Mogelijkheden voor een cursus verkend",
                    "Doelen voor komend half jaar opgesteld", "Gesproken over nieuwe taken")),
            Map.entry("JOB_SEARCH", List.of("Vacatures doorgenomen en sollicitatiebrief opgesteld",
                    "Sollicitatiegesprek voorbereid", "Proefplaatsing besproken", "Cv bijgewerkt",
                    "Werkwensen en belastbaarheid in kaart gebracht")),
            Map.entry("DEALING_WITH_EMPLOYEE", List.of("Met leidinggevende besproken hoe instructies te geven",
                    "Uitleg gegeven over omgaan met spanningsklachten", "Voortgangsgesprek met leidinggevende",
                    "Driegesprek met werknemer en leidinggevende")),
            Map.entry("ADJUSTMENTS", List.of("Rustige werkplek en vaste pauzes afgesproken",
                    "Takenpakket aangepast aan belastbaarheid", "Vaste aanspreekpersoon op de afdeling geregeld")),
            Map.entry("REGULATIONS", List.of("Loonkostensubsidie en no-riskpolis toegelicht",
                    "Uitleg over de jobcoachregeling", "Evaluatie voor de opdrachtgever voorbereid")),
            Map.entry("CARE_COORDINATION", List.of("Afstemming met GGZ-behandelaar over adviezen",
                    "Overleg met praktijkondersteuner van de huisarts", "Afstemming met begeleider wonen")),
            Map.entry("RELATIVES", List.of("Telefonisch contact met moeder over de voortgang",
                    "Gesprek met partner over steun thuis", "Ouders geinformeerd over de afspraken")));

    static final List<String> COLLEAGUE_NOTES = List.of("Uitleg aan het team over samenwerking",
            "Gesprek met werkbegeleider over inwerken", "Afspraken met vaste collega over vragen stellen");

    static final List<String> NEW_TASK_NOTES = List.of("Breder takenpakket na goede evaluatie",
            "Werkt nu ook nieuwe collega's in", "Extra verantwoordelijkheid voor de planning",
            "Doet nu ook klantcontact");

    private DemoNames() {
    }
}
