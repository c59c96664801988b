namespace Teilhabe.Bench.Data;

/// <summary>Common German (and some Turkish, Polish, Russian, Arabic) names, streets and the IFD regions of Thuringia.</summary>
public static class Names
{
    /// <summary>Last names, most frequent first; <see cref="Rng.Zipf"/> picks them with falling frequency.</summary>
    public static readonly string[] LastNames =
    [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
        "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
        "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert",
        "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz",
        "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin",
        "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich",
        "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl",
        "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer",
        "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Nowak", "Kowalski", "Wiśniewski", "Iwanow", "Petrow",
        "Ahmadi", "Haddad", "Nguyen", "Popescu", "Hoxha", "Schmiedel", "Schmieder", "Schmidtke", "Ernst", "Thiele",
        "Heinze", "Kunze", "Ebert", "Rudolph", "Göbel", "Lindner", "Gebhardt", "Hesse", "Rausch", "Kirchner",
        "Pietsch", "Heller", "Ulbrich", "Hübner", "Reuter", "Wendt", "Jahn", "Fiedler", "Kretschmer", "Schramm",
        "Brückner", "Eckert", "Menzel", "Teichmann", "Schade", "Bach", "Böttcher", "Dittrich", "Förster", "Götze",
    ];

    public static readonly string[] FemaleFirstNames =
    [
        "Sabine", "Susanne", "Petra", "Andrea", "Claudia", "Nicole", "Stefanie", "Katrin", "Anja", "Julia",
        "Sandra", "Melanie", "Christina", "Daniela", "Kerstin", "Manuela", "Birgit", "Martina", "Anna", "Laura",
        "Lena", "Sarah", "Lisa", "Jana", "Franziska", "Maria", "Ines", "Heike", "Silke", "Monika",
        "Aylin", "Elif", "Fatma", "Olga", "Natalia", "Agnieszka", "Fatima", "Mia", "Emma", "Leonie",
    ];

    public static readonly string[] MaleFirstNames =
    [
        "Thomas", "Michael", "Andreas", "Stefan", "Frank", "Jürgen", "Uwe", "Ralf", "Jens", "Torsten",
        "Matthias", "Christian", "Daniel", "Markus", "Sven", "Dirk", "Holger", "Marcel", "Sebastian", "Tobias",
        "Lukas", "Jonas", "Felix", "Maximilian", "Paul", "Kevin", "Dennis", "Patrick", "René", "Steffen",
        "Mehmet", "Mustafa", "Ahmet", "Sergej", "Dmitri", "Piotr", "Ali", "Omar", "Leon", "Finn",
    ];

    public static readonly string[] DiverseFirstNames = ["Sam", "Kim", "Alex", "Robin", "Luca", "Charlie"];

    public static readonly string[] Streets =
    [
        "Hauptstraße", "Bahnhofstraße", "Schulstraße", "Gartenstraße", "Dorfstraße", "Lindenstraße", "Bergstraße",
        "Goethestraße", "Schillerstraße", "Friedrich-Ebert-Straße", "Am Anger", "Ringstraße", "Waldstraße", "Mühlweg",
        "Jenaer Straße", "Weimarische Straße", "Karl-Marx-Allee", "Thomas-Müntzer-Straße", "Rosenweg", "Kirchplatz",
    ];

    /// <summary>The eight IFD regions: name, postal code prefix and towns.</summary>
    public static readonly (string Service, string Postal, string[] Towns)[] Regions =
    [
        ("IFD Erfurt", "990", ["Erfurt", "Arnstadt", "Sömmerda"]),
        ("IFD Gera", "075", ["Gera", "Altenburg", "Greiz"]),
        ("IFD Jena", "077", ["Jena", "Apolda", "Stadtroda"]),
        ("IFD Weimar", "994", ["Weimar", "Bad Berka", "Blankenhain"]),
        ("IFD Gotha", "998", ["Gotha", "Eisenach", "Bad Langensalza"]),
        ("IFD Suhl", "985", ["Suhl", "Meiningen", "Hildburghausen"]),
        ("IFD Nordhausen", "997", ["Nordhausen", "Mühlhausen", "Sondershausen"]),
        ("IFD Saalfeld", "073", ["Saalfeld", "Rudolstadt", "Pößneck"]),
    ];

    public static readonly string[] EmployerStems =
    [
        "Stadtwerke", "Bäckerei", "Autohaus", "Pflegedienst", "Logistik", "Metallbau", "Elektro", "Gartenbau",
        "Klinikum", "Wohnungsgesellschaft", "Druckerei", "Tischlerei", "Kaufhaus", "Reinigungsservice", "Verwaltung",
    ];

    public static readonly string[] ContactKeywords =
    [
        "Erstgespräch", "Arbeitsplatzbesuch", "Telefonat Arbeitgeber", "Gespräch mit SBV", "Hausbesuch", "Fallkonferenz",
        "Krisengespräch", "Antragsbesprechung", "BEM-Gespräch", "Auswertung Praktikum", "Bewerbungstraining",
        "Rückmeldung Leistungsträger", "Abstimmung Integrationsamt", "Zielüberprüfung", "Nachbetreuung",
    ];

    public static readonly string[] ContactNotes =
    [
        "Gespräch zur aktuellen Situation am Arbeitsplatz geführt; Belastungen durch Schichtarbeit besprochen.",
        "Mit dem Arbeitgeber die Anpassung des Arbeitsplatzes abgestimmt, Antrag auf technische Arbeitshilfe vorbereitet.",
        "Klient berichtet von Konflikten im Team; nächster Termin mit Vorgesetzter vereinbart.",
        "Telefonische Rückfrage des Leistungsträgers zum Sachstand beantwortet.",
        "Bewerbungsunterlagen überarbeitet und zwei Stellenangebote besprochen.",
        "Stufenweise Wiedereingliederung: Stundenumfang ab nächstem Monat auf sechs Stunden erhöht.",
        "Gemeinsames Gespräch mit Schwerbehindertenvertretung und Personalabteilung zum BEM-Verfahren.",
        "Rückblick auf das Praktikum: Arbeitgeber zufrieden, Übernahme in Aussicht gestellt.",
        "Krisenintervention nach Abmahnung; Unterstützung bei der Stellungnahme gegenüber dem Arbeitgeber.",
        "Ziele der Zielvereinbarung überprüft; Ziel 2 erreicht, Ziel 3 bleibt bestehen.",
    ];

    public static readonly string[] DisabilityDescriptions =
    [
        "Funktionsbehinderung der Wirbelsäule", "Depressive Störung", "Hochgradige Schwerhörigkeit beidseits",
        "Lernbehinderung", "Epilepsie", "Diabetes mellitus", "Sehbehinderung", "Multiple Sklerose",
        "Angststörung", "Herzleistungsminderung", "Funktionsstörung beider Kniegelenke", "Autismus-Spektrum-Störung",
    ];
}
