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

    private static readonly string[] TailPrefixes =
        ["Ober", "Unter", "Hein", "Wald", "Berg", "Kirch", "Linden", "Stein", "Rosen", "Brun", "Hof", "Feld", "Sonnen", "Mühl", "Eich", "Hage", "Hart", "Kling", "Zeh", "Roth"];

    private static readonly string[] TailSuffixes = ["mann", "er", "ecke", "hardt", "ling", "berg", "bach", "feld", "meier", "wald", "ke", "horst"];

    private static readonly double[] Cumulative = BuildCumulative();

    /// <summary>
    /// A last name with a realistic spread: 60 % from the common names above with falling frequency (Müller about 1.3 %),
    /// 40 % from a long tail of rarer compound names.
    /// </summary>
    public static string LastName(Rng rng)
    {
        if (rng.Chance(0.4))
        {
            return rng.Pick(TailPrefixes) + rng.Pick(TailSuffixes);
        }

        var i = Array.BinarySearch(Cumulative, rng.NextDouble());
        return LastNames[Math.Min(LastNames.Length - 1, i < 0 ? ~i : i)];
    }

    private static double[] BuildCumulative()
    {
        var weights = LastNames.Select((_, k) => Math.Pow(k + 8, -0.6)).ToArray();
        var total = weights.Sum();
        var sum = 0.0;
        return [.. weights.Select(w => sum += w / total)];
    }

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

    /// <summary>Descriptions per BIH disability category (catalogue "disability-categories").</summary>
    public static readonly Dictionary<string, string[]> DisabilityDescriptions = new(StringComparer.Ordinal)
    {
        ["mental"] = ["Depressive Störung", "Angststörung", "Posttraumatische Belastungsstörung", "Bipolare Störung"],
        ["intellectual-learning"] = ["Lernbehinderung", "Leichte Intelligenzminderung"],
        ["physical-orthopaedic"] = ["Funktionsbehinderung der Wirbelsäule", "Funktionsstörung beider Kniegelenke", "Verlust eines Armes"],
        ["physical-organic"] = ["Diabetes mellitus", "Herzleistungsminderung", "Chronische Nierenerkrankung"],
        ["hearing"] = ["Hochgradige Schwerhörigkeit beidseits", "Gehörlosigkeit"],
        ["visual"] = ["Sehbehinderung", "Blindheit"],
        ["neurological"] = ["Epilepsie", "Multiple Sklerose", "Zustand nach Schlaganfall"],
        ["other"] = ["Autismus-Spektrum-Störung", "Suchterkrankung in Abstinenz"],
    };
}
