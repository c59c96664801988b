using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Teilhabe.Bench;

/// <summary>
/// The annual statistics of the whole state (STAT-01, every section of GET /api/v1/statistics/annual) as ONE hand-written
/// SQL statement, run directly against the app's database: the yardstick for the app's time. Same definitions as
/// src/Teilhabe.Core/Statistics/StatisticsDefinitions.cs and docs/statistics.md: membership spans from the first
/// entry into the group's phase to the first leaving of it (a leaving day before the entry day reads as the entry
/// day), stock at the end of a day, closed P3 cases by outcome category, LEKs of counted cases by start date, and the
/// BIH breakdowns of the P3 cases served in the period (age on the first day, TH bands 0/25/35/45/55).
/// </summary>
public static class HandWrittenStatistics
{
    public const string Sql = """
        WITH g(grp, phase) AS (SELECT 'P2', 'P2' UNION ALL SELECT 'P3', 'P3' UNION ALL SELECT 'FDS', 'FP3'),
        cs AS (
            SELECT c."Id" AS id, c."ClientId" AS client, c."CareTypeCode" AS care, c."ReferringBodyCode" AS referring,
                   c."LegalBasisCode" AS legal, c."OutcomeCategoryCode" AS category
            FROM "Cases" c
            WHERE c."IntegrationOfficeId" = (SELECT u."IntegrationOfficeId" FROM "AspNetUsers" u WHERE u."UserName" = @user)),
        e AS (
            SELECT h."CaseId" AS id, g.grp,
                   MIN(CASE WHEN h."To" = g.phase THEN h."On" END) AS entry,
                   MIN(CASE WHEN h."From" = g.phase THEN h."On" END) AS leave
            FROM "PhaseChanges" h JOIN g ON h."To" = g.phase OR h."From" = g.phase
            GROUP BY h."CaseId", g.grp),
        s AS (
            SELECT e.grp, cs.id, cs.client, cs.care, cs.referring, cs.legal, cl."Gender" AS gender, cl."BirthDate" AS birth,
                   cl."WorkingLifePosition" AS position, e.entry, CASE WHEN e.leave < e.entry THEN e.entry ELSE e.leave END AS leave
            FROM e JOIN cs ON cs.id = e.id JOIN "Clients" cl ON cl."Id" = cs.client
            WHERE e.entry IS NOT NULL),
        served AS (SELECT * FROM s WHERE s.grp = 'P3' AND s.entry <= @to AND (s.leave IS NULL OR s.leave >= @from)),
        closed AS (
            SELECT cs.id, cs.care, cs.category, cl."Gender" AS gender
            FROM "PhaseChanges" h JOIN cs ON cs.id = h."CaseId" JOIN "Clients" cl ON cl."Id" = cs.client
            WHERE h."From" = 'P3' AND h."To" = 'P4' AND h."On" >= @from AND h."On" <= @to),
        leks AS (
            SELECT o."OutcomeCode" AS code, o."ServiceFunderId" AS funder, cl."Gender" AS gender
            FROM "Outcomes" o JOIN cs ON cs.id = o."CaseId" JOIN "Clients" cl ON cl."Id" = cs.client
            WHERE o."InvalidatedAt" IS NULL AND o."StartDate" IS NOT NULL AND o."StartDate" >= @from AND o."StartDate" <= @to
              AND o."CaseId" IN (SELECT h."CaseId" FROM "PhaseChanges" h WHERE h."To" IN ('P2', 'P3', 'FP3')))
        SELECT 'groups.' || grp AS section, 'stock-entries-exits-stock' AS code, gender,
               SUM(CASE WHEN entry <= @startDay AND (leave IS NULL OR leave > @startDay) THEN 1 ELSE 0 END) AS n1,
               SUM(CASE WHEN entry >= @from AND entry <= @to THEN 1 ELSE 0 END) AS n2,
               SUM(CASE WHEN leave IS NOT NULL AND leave >= @from AND leave <= @to THEN 1 ELSE 0 END) AS n3,
               SUM(CASE WHEN entry <= @to AND (leave IS NULL OR leave > @to) THEN 1 ELSE 0 END) AS n4
        FROM s GROUP BY grp, gender
        UNION ALL
        SELECT 'outcomes', COALESCE(category, 'unspecified'), gender, COUNT(*), 0, 0, 0 FROM closed GROUP BY category, gender
        UNION ALL
        SELECT 'securedShare', CASE WHEN category = 'job-secured' THEN 'secured' ELSE 'other' END, gender, COUNT(*), 0, 0, 0
        FROM closed WHERE care = 'retention' GROUP BY CASE WHEN category = 'job-secured' THEN 'secured' ELSE 'other' END, gender
        UNION ALL
        SELECT 'leks', code, gender, COUNT(*), 0, 0, 0 FROM leks GROUP BY code, gender
        UNION ALL
        SELECT 'breakdowns.lekFunder', COALESCE(CAST(funder AS TEXT), 'none'), gender, COUNT(*), 0, 0, 0 FROM leks GROUP BY funder, gender
        UNION ALL
        SELECT 'breakdowns.personGroup', COALESCE(position, 'unspecified'), gender, COUNT(*), 0, 0, 0 FROM served GROUP BY position, gender
        UNION ALL
        SELECT 'breakdowns.disabilityType', COALESCE(t.code, 'unspecified'), t.gender, COUNT(*), 0, 0, 0
        FROM (SELECT (SELECT d."CategoryCode" FROM "Disabilities" d WHERE d."ClientId" = served.client AND d."CareRelevant" LIMIT 1) AS code,
                     served.gender FROM served) t
        GROUP BY t.code, t.gender
        UNION ALL
        SELECT 'breakdowns.disabilityStatus', t.code, t.gender, COUNT(*), 0, 0, 0
        FROM (SELECT CASE
                       WHEN EXISTS (SELECT 1 FROM "DisabilityEvidence" v WHERE v."ClientId" = served.client AND v."Kind" = 'Feststellungsbescheid' AND v."Degree" >= 50) THEN 'severely-disabled'
                       WHEN EXISTS (SELECT 1 FROM "DisabilityEvidence" v WHERE v."ClientId" = served.client AND v."Kind" = 'Gleichstellungsbescheid') THEN 'equated'
                       ELSE 'other' END AS code,
                     served.gender FROM served) t
        GROUP BY t.code, t.gender
        UNION ALL
        SELECT 'breakdowns.funderGroup', COALESCE(t.code, 'unspecified'), t.gender, COUNT(*), 0, 0, 0
        FROM (SELECT (SELECT ce."Group" FROM "CatalogueEntries" ce WHERE ce."Catalogue" = 'legal-bases' AND ce."Code" = served.legal LIMIT 1) AS code,
                     served.gender FROM served) t
        GROUP BY t.code, t.gender
        UNION ALL
        SELECT 'breakdowns.referringBody', COALESCE(referring, 'unspecified'), gender, COUNT(*), 0, 0, 0 FROM served GROUP BY referring, gender
        UNION ALL
        SELECT 'breakdowns.careType', COALESCE(care, 'unspecified'), gender, COUNT(*), 0, 0, 0 FROM served GROUP BY care, gender
        UNION ALL
        SELECT 'breakdowns.ageGroup', t.band, t.gender, COUNT(*), 0, 0, 0
        FROM (SELECT CASE WHEN birth <= @a55 THEN '55+' WHEN birth <= @a45 THEN '45-54' WHEN birth <= @a35 THEN '35-44'
                          WHEN birth <= @a25 THEN '25-34' WHEN birth <= @a0 THEN '0-24' ELSE 'unspecified' END AS band,
                     gender FROM served) t
        GROUP BY t.band, t.gender
        UNION ALL
        SELECT 'breakdowns.securedMeasures', o."OutcomeCode", cl."Gender", COUNT(*), 0, 0, 0
        FROM "Outcomes" o JOIN "Clients" cl ON cl."Id" = o."ClientId"
        WHERE o."InvalidatedAt" IS NULL AND o."StartDate" IS NOT NULL
          AND o."CaseId" IN (SELECT id FROM closed WHERE category = 'job-secured')
        GROUP BY o."OutcomeCode", cl."Gender"
        """;

    public sealed record Row(string Section, string Code, string Gender, long N1, long N2, long N3, long N4);

    public sealed record Timing(double MedianMs, double MinMs, IReadOnlyList<double> RunsMs, IReadOnlyList<Row> Rows);

    /// <summary>Runs the statement once to warm the caches, then <paramref name="runs"/> times; the median is the yardstick.</summary>
    public static async Task<Timing> MeasureAsync(string provider, string connection, string coordinator, int year, int runs = 5)
    {
        await using DbConnection db = provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
            ? new NpgsqlConnection(connection)
            : new SqliteConnection(connection);
        await db.OpenAsync();
        var times = new List<double>();
        IReadOnlyList<Row> rows = [];
        for (var i = 0; i <= runs; i++)
        {
            var clock = Stopwatch.StartNew();
            rows = await QueryAsync(db, provider, coordinator, year);
            if (i > 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        var sorted = times.Order().ToArray();
        return new Timing(LoadRunner.Percentile(sorted, 0.5), sorted[0], times, rows);
    }

    private static async Task<IReadOnlyList<Row>> QueryAsync(DbConnection db, string provider, string coordinator, int year)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var postgres = provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);
        await using var command = db.CreateCommand();
        command.CommandText = Sql;
        command.CommandTimeout = 600;

        void Add(string name, object value)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        // SQLite stores dates as ISO text; PostgreSQL as date.
        object Date(DateOnly d) => postgres ? d : d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Add("user", coordinator);
        Add("from", Date(from));
        Add("to", Date(to));
        Add("startDay", Date(from.AddDays(-1)));
        foreach (var bound in new[] { 0, 25, 35, 45, 55 })
        {
            Add("a" + bound.ToString(System.Globalization.CultureInfo.InvariantCulture), Date(from.AddYears(-bound)));
        }

        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return rows;
    }
}
