using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Accounts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Platform;

/// <summary>
/// ACC-06 hardening: every endpoint of the app (read from its own EndpointDataSource, so a new endpoint
/// without an entry in <see cref="Matrix"/> fails) is called anonymously and as every role.
/// Anonymous: 401 for the API, a redirect to /konto/anmelden for pages, except the public ones.
/// A role without permission: 403 (pages: redirect to /zugriff-verweigert), or 404 where the entry says the
/// product hides existence. Allowed roles: never 401/403/5xx. Nobody ever gets a 5xx.
/// Route ids are random GUIDs (seeded), so allowed roles may answer 404; bodies are an empty JSON object.
/// </summary>
public sealed class AuthorizationMatrixTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private const string Adm = Roles.Administrator;
    private const string Coord = Roles.IntegrationOfficeCoordinator;
    private const string Lead = Roles.ServiceLead;
    private const string Cw = Roles.Caseworker;
    private const string Dep = Roles.Deputy;
    private const string Tr = Roles.Trainer;
    private const string Pl = Roles.ProgrammeLead;

    private static readonly string[] All = [Adm, Coord, Lead, Cw, Dep, Tr, Pl];
    private static readonly string[] Public = ["public"];
    private static readonly string[] AdminOnly = [Adm];
    private static readonly string[] AdminCoord = [Adm, Coord];
    private static readonly string[] AdminLead = [Adm, Lead];
    private static readonly string[] Editors = [Cw, Dep, Lead, Tr, Pl];
    private static readonly string[] DirectoryEditors = [Cw, Dep, Lead, Tr, Pl, Coord];
    private static readonly string[] NetworkReaders = [Cw, Dep, Lead, Coord, Adm];
    private static readonly string[] NetworkCreators = [Lead, Coord, Adm];
    private static readonly string[] StatisticsReaders = [Lead, Coord];
    private static readonly string[] ProgrammeStaff = [Tr, Pl];
    private static readonly string[] ProgrammeSetup = [Pl, Adm];
    private static readonly string[] ProgrammeConfig = [Pl];
    private static readonly string[] ProgrammeTemplates = [Pl, Adm, Tr];
    private static readonly string[] Ifd = [Cw, Dep, Lead];
    private static readonly string[] CaseList = [Cw, Dep, Lead, Coord];
    private static readonly string[] DeadlineReaders = [Cw, Dep, Lead, Coord, Tr, Pl];
    private static readonly string[] CoordinatorOnly = [Coord];
    private static readonly string[] LeadOnly = [Lead];

    /// <summary>A Deputy is always also a Caseworker (ACC-06), so it passes every Caseworker gate.</summary>
    private static readonly string[] CaseworkerLead = [Cw, Dep, Lead];

    /// <summary>
    /// method + route pattern → roles allowed by the endpoint's gate. <c>Hidden</c>: the record is looked up
    /// in the caller's tenant scope (EF query filters, CaseAccess) before the role is checked, so a denied
    /// role may answer 404 instead of 403 — existence of foreign records is not revealed.
    /// </summary>
    private static readonly Entry[] Matrix =
    [
        // Platform (public)
        new("GET", "/health/live", Public),
        new("GET", "/health/ready", Public),
        new("GET", "/openapi/{documentName}.json", Public),
        new("POST", "/api/v1/auth/token", Public),
        new("POST", "/api/v1/auth/password", All),
        new("POST", "/api/v1/auth/logout", All),
        new("POST", "/api/v1/auth/mfa/setup", All),
        new("POST", "/api/v1/auth/mfa/enable", All),

        // Administration
        new("POST", "/api/v1/admin/organisations", AdminOnly),
        new("GET", "/api/v1/admin/organisations", AdminOnly),
        new("POST", "/api/v1/admin/services", AdminOnly),
        new("GET", "/api/v1/admin/services", AdminOnly),
        new("POST", "/api/v1/admin/users", AdminOnly),
        new("GET", "/api/v1/admin/users", AdminCoord),
        new("GET", "/api/v1/admin/users/{id}", AdminCoord),
        new("PATCH", "/api/v1/admin/users/{id}", AdminOnly),
        new("POST", "/api/v1/admin/users/{id}/unlock", AdminCoord),
        new("POST", "/api/v1/admin/users/{id}/reset-password", AdminCoord),
        new("GET", "/api/v1/admin/audit/", AdminLead),
        new("GET", "/api/v1/admin/audit/verification", AdminOnly),

        // State profiles: every signed-in user reads the profile of their Integrationsamt.
        new("GET", "/api/v1/profile", All),
        new("GET", "/api/v1/catalogues/{name}", All),

        // {name} is "topics": InA-Koordination maintains only the form versions, so it is denied here.
        new("POST", "/api/v1/catalogues/{name}", AdminOnly),
        new("PATCH", "/api/v1/catalogues/{name}/{code}", AdminOnly),
        new("DELETE", "/api/v1/catalogues/{name}/{code}", AdminOnly),

        // Directory
        new("GET", "/api/v1/institutions/", All),
        new("GET", "/api/v1/institutions/duplicates", All),
        new("GET", "/api/v1/institutions/{id:guid}", All),
        new("POST", "/api/v1/institutions/", DirectoryEditors),
        new("POST", "/api/v1/institutions/{id:guid}/contacts", DirectoryEditors),
        new("GET", "/api/v1/funders/", All),
        new("GET", "/api/v1/funders/duplicates", All),
        new("GET", "/api/v1/funders/{id:guid}", All),
        new("POST", "/api/v1/funders/", DirectoryEditors),
        new("POST", "/api/v1/funders/{id:guid}/contacts", DirectoryEditors),
        new("POST", "/api/v1/funders/{id:guid}/release-requests", Editors),
        new("POST", "/api/v1/funders/{id:guid}/releases", CoordinatorOnly),

        // Clients
        new("GET", "/api/v1/clients/", All),
        new("GET", "/api/v1/clients/duplicates", All),
        new("GET", "/api/v1/clients/{id:guid}", All, Hidden: true),
        new("POST", "/api/v1/clients/", Editors),
        new("PUT", "/api/v1/clients/{id:guid}", Editors),
        new("POST", "/api/v1/clients/{id:guid}/disability-evidence", Editors),
        new("POST", "/api/v1/clients/{id:guid}/disabilities", Editors),
        new("POST", "/api/v1/clients/{id:guid}/disabilities/{disabilityId:guid}/care-relevant", Editors),
        new("POST", "/api/v1/clients/{id:guid}/employment-situations", Editors),
        new("POST", "/api/v1/clients/{id:guid}/employment-situations/{situationId:guid}/confirm", Editors),
        new("PUT", "/api/v1/clients/{id:guid}/disability-evidence/{evidenceId:guid}", Editors),
        new("PUT", "/api/v1/clients/{id:guid}/disabilities/{disabilityId:guid}", Editors),
        new("PUT", "/api/v1/clients/{id:guid}/employment-situations/{situationId:guid}", Editors),
        new("POST", "/api/v1/clients/{id:guid}/disability-evidence/{evidenceId:guid}/removal", Editors),
        new("POST", "/api/v1/clients/{id:guid}/disabilities/{disabilityId:guid}/removal", Editors),
        new("POST", "/api/v1/clients/{id:guid}/employment-situations/{situationId:guid}/removal", Editors),

        // Cases (record-scoped: CaseAccess decides per case, foreign cases are 404)
        new("GET", "/api/v1/cases/", All),
        new("POST", "/api/v1/cases/", Editors),
        new("GET", "/api/v1/cases/{id:guid}", All, Hidden: true),
        new("PATCH", "/api/v1/cases/{id:guid}", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/data-protection-notice", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/data-protection-notice/second-signature", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/agreements", All, Hidden: true),
        new("GET", "/api/v1/cases/{id:guid}/transitions/{phase}/check", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/transitions", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/funder-change", All, Hidden: true),
        new("PUT", "/api/v1/cases/{id:guid}/deputies", All, Hidden: true),
        new("GET", "/api/v1/cases/{id:guid}/documents", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/documents", All, Hidden: true),
        new("GET", "/api/v1/documents/{id:guid}", All, Hidden: true),
        new("POST", "/api/v1/documents/{id:guid}/removal", All, Hidden: true),
        new("GET", "/api/v1/users/{id}/absences", Ifd, Hidden: true),
        new("POST", "/api/v1/users/{id}/absences", Ifd, Hidden: true),
        new("POST", "/api/v1/cases/reassignment", [Lead]),
        new("POST", "/api/v1/cases/{id:guid}/objection", All, Hidden: true),
        new("GET", "/api/v1/cases/{id:guid}/extension-requests", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/extension-requests", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/extension-requests/{rid:guid}/decision", All, Hidden: true),
        new("GET", "/api/v1/cases/{id:guid}/inclusion-company-applications", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/inclusion-company-applications", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/inclusion-company-applications/{aid:guid}/decision", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/successful-placement", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/incident-access", All, Hidden: true),
        new("GET", "/api/v1/cases/{id:guid}/incident-accesses", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/transfer", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/transfer-requests", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/transfer-confirmations", All, Hidden: true),
        new("GET", "/api/v1/transfer-requests/", All),
        new("POST", "/api/v1/transfer-requests/{rid:guid}/confidentiality-release", All, Hidden: true),
        new("GET", "/api/v1/notifications", CoordinatorOnly),

        // Contacts, outcomes, deadlines (record-scoped)
        new("POST", "/api/v1/cases/{id:guid}/contacts", All, Hidden: true),
        new("GET", "/api/v1/cases/{id:guid}/contacts", All, Hidden: true),
        new("GET", "/api/v1/contacts/{id:guid}", All, Hidden: true),
        new("PUT", "/api/v1/contacts/{id:guid}", All, Hidden: true),
        new("GET", "/api/v1/contacts/{id:guid}/versions", All, Hidden: true),
        new("POST", "/api/v1/contacts/{id:guid}/cancellation", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/outcomes", All, Hidden: true),
        new("GET", "/api/v1/cases/{id:guid}/outcomes", All, Hidden: true),
        new("POST", "/api/v1/outcomes/{id:guid}/invalidate", All, Hidden: true),
        new("DELETE", "/api/v1/outcomes/{id:guid}", All, Hidden: true),
        new("DELETE", "/api/v1/outcomes/{id:guid}/start-date", All, Hidden: true),
        new("GET", "/api/v1/deadlines", All),
        new("GET", "/api/v1/team", LeadOnly),
        new("POST", "/api/v1/cases/{id:guid}/contact-exceptions", All, Hidden: true),
        new("GET", "/api/v1/cases/{id:guid}/contact-exceptions", All, Hidden: true),

        // Reports and goals (record-scoped)
        new("POST", "/api/v1/cases/{id:guid}/reports", All, Hidden: true),
        new("GET", "/api/v1/cases/{id:guid}/reports", All, Hidden: true),
        new("GET", "/api/v1/cases/{id:guid}/reports/check", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/report-requests", All, Hidden: true),
        new("GET", "/api/v1/cases/{id:guid}/report-requests", All, Hidden: true),
        new("GET", "/api/v1/cases/{id:guid}/goals", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/goals", All, Hidden: true),
        new("PUT", "/api/v1/cases/{id:guid}/goals/{gid:guid}", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/goals/{gid:guid}/rating", All, Hidden: true),

        // IFD-01 tasks (record-scoped; InA-Koordination sees the case but not these records: 403)
        new("GET", "/api/v1/cases/{id:guid}/colleague-consents", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/colleague-consents", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/colleague-consents/{cid:guid}/revoke", All, Hidden: true),
        new("GET", "/api/v1/cases/{id:guid}/ability-profile", All, Hidden: true),
        new("PUT", "/api/v1/cases/{id:guid}/ability-profile", All, Hidden: true),
        new("GET", "/api/v1/cases/{id:guid}/school-orientation", All, Hidden: true),
        new("PUT", "/api/v1/cases/{id:guid}/school-orientation", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/school-orientation/activities", All, Hidden: true),
        new("GET", "/api/v1/cases/{id:guid}/apprenticeships", All, Hidden: true),
        new("POST", "/api/v1/cases/{id:guid}/apprenticeships", All, Hidden: true),
        new("PUT", "/api/v1/cases/{id:guid}/apprenticeships/{aid:guid}", All, Hidden: true),
        new("GET", "/api/v1/reports/{id:guid}", All, Hidden: true),

        // Job development network
        new("POST", "/api/v1/networks", NetworkCreators),
        new("GET", "/api/v1/networks", NetworkReaders),
        new("GET", "/api/v1/networks/{id:guid}", NetworkReaders),
        new("POST", "/api/v1/networks/{id:guid}/members", NetworkReaders),
        new("DELETE", "/api/v1/networks/{id:guid}/members/{organisationId:guid}", NetworkReaders),
        new("POST", "/api/v1/networks/{id:guid}/potentials", NetworkReaders),
        new("GET", "/api/v1/networks/{id:guid}/report", NetworkReaders),
        new("GET", "/api/v1/potentials/{id:guid}", NetworkReaders),
        new("POST", "/api/v1/potentials/{id:guid}/stage", NetworkReaders),
        new("POST", "/api/v1/potentials/{id:guid}/candidates", NetworkReaders),
        new("POST", "/api/v1/candidates/{id:guid}/consent", NetworkReaders),
        new("POST", "/api/v1/candidates/{id:guid}/reveal", NetworkReaders),
        new("GET", "/api/v1/candidates/{id:guid}/person", NetworkReaders),

        // Statistics
        new("GET", "/api/v1/statistics/annual", StatisticsReaders),
        new("GET", "/api/v1/statistics/annual.csv", StatisticsReaders),
        new("GET", "/api/v1/statistics/annual.xlsx", StatisticsReaders),
        new("GET", "/api/v1/statistics/annual/by-service", StatisticsReaders),

        // Programmes
        new("POST", "/api/v1/programmes", ProgrammeSetup),
        new("GET", "/api/v1/programmes", ProgrammeStaff),
        new("GET", "/api/v1/programmes/{id:guid}", ProgrammeStaff),
        new("GET", "/api/v1/programmes/{id:guid}/participations", ProgrammeStaff),
        new("GET", "/api/v1/programmes/{id:guid}/outcome-report", ProgrammeStaff),
        new("POST", "/api/v1/programmes/{id:guid}/referrals", ProgrammeStaff),
        new("GET", "/api/v1/participations/{id:guid}", ProgrammeStaff),
        new("GET", "/api/v1/participations/{id:guid}/final-report", ProgrammeStaff),
        new("GET", "/api/v1/participations/{id:guid}/icf-items", ProgrammeStaff),
        new("POST", "/api/v1/participations/{id:guid}/icf-items", ProgrammeStaff),
        new("GET", "/api/v1/participations/{id:guid}/module-goals", ProgrammeStaff),
        new("POST", "/api/v1/participations/{id:guid}/module-goals", ProgrammeStaff),
        new("GET", "/api/v1/participations/{id:guid}/reflections", ProgrammeStaff),
        new("POST", "/api/v1/participations/{id:guid}/reflections", ProgrammeStaff),
        new("GET", "/api/v1/clients/{id:guid}/export", All, Hidden: true),
        new("GET", "/api/v1/retention/due", AdminLead),
        new("GET", "/api/v1/retention/open", AdminLead),
        new("POST", "/api/v1/participations/{id:guid}/admit", ProgrammeStaff),
        new("POST", "/api/v1/participations/{id:guid}/information-talk", ProgrammeStaff),
        new("POST", "/api/v1/participations/{id:guid}/extension", ProgrammeStaff),
        new("POST", "/api/v1/participations/{id:guid}/eligibility", ProgrammeStaff),
        new("POST", "/api/v1/participations/{id:guid}/plan", ProgrammeStaff),
        new("POST", "/api/v1/participations/{id:guid}/job-start", ProgrammeStaff),
        new("POST", "/api/v1/participations/{id:guid}/bookings", ProgrammeStaff),
        new("GET", "/api/v1/participations/{id:guid}/invoice", ProgrammeStaff),
        new("GET", "/api/v1/participations/{id:guid}/aftercare-contacts", ProgrammeStaff),
        new("POST", "/api/v1/participations/{id:guid}/aftercare-contacts", ProgrammeStaff),
        new("POST", "/api/v1/participations/{id:guid}/prospect", ProgrammeStaff),
        new("POST", "/api/v1/participations/{id:guid}/end", ProgrammeStaff),
        new("GET", "/api/v1/participations/{id:guid}/contract", ProgrammeStaff),
        new("POST", "/api/v1/participations/{id:guid}/contract", ProgrammeStaff),
        new("POST", "/api/v1/programmes/{id:guid}/move-up", ProgrammeStaff),
        new("GET", "/api/v1/programme-templates", ProgrammeTemplates),
        new("GET", "/api/v1/programmes/{id:guid}/settings", ProgrammeConfig),
        new("PUT", "/api/v1/programmes/{id:guid}/settings", ProgrammeConfig),
        new("PUT", "/api/v1/programmes/{id:guid}/modules", ProgrammeConfig),

        // Pages (GET only; POST handlers need antiforgery)
        new("GET", "/konto/anmelden", Public),
        new("GET", "/konto/anmelden/code", Public),
        new("GET", "/fehler", Public),
        new("GET", "/api-docs/{documentName?}", Public),
        new("GET", "/api-docs/scalar.js", Public),
        new("GET", "/api-docs/scalar.aspnetcore.js", Public),
        new("GET", "/api-docs/favicon.svg", Public),
        new("GET", "/barrierefreiheit", Public),
        new("GET", "/regeln", All),
        new("GET", "/vordrucke", All),
        new("GET", "/", All),
        new("GET", "/zugriff-verweigert", All),
        new("GET", "/konto/passwort", All),
        new("GET", "/konto/zweiter-faktor", All),
        new("GET", "/konto/abmelden", All),
        new("GET", "/leistungstraeger", DirectoryEditors),
        new("GET", "/leistungstraeger/{id:guid}", DirectoryEditors),
        new("GET", "/institutionen", DirectoryEditors),
        new("GET", "/institutionen/{id:guid}", DirectoryEditors),
        new("GET", "/ina/freischaltungen", CoordinatorOnly),
        new("GET", "/klienten", All),
        new("GET", "/klienten/{id:guid}", All, Hidden: true),
        new("GET", "/klienten/neu", Editors),
        new("GET", "/klienten/{id:guid}/bearbeiten", Editors),
        new("GET", "/klienten/{id:guid}/{kind}/{recordId:guid}/korrigieren", Editors),
        new("GET", "/klienten/{id:guid}/{kind}/{recordId:guid}/entfernen", Editors),
        new("GET", "/klienten/{id:guid}/auskunft", All, Hidden: true),
        new("GET", "/loeschung", AdminLead),
        new("GET", "/faelle", CaseList),
        new("GET", "/faelle/{id:guid}/{section:regex(^(phase|angaben|dokumente|berichte|merkblatt|fristen|historie|aufgaben)$)?}", CaseList),
        new("GET", "/faelle/{id:guid}/ziele", CaseList),
        new("GET", "/faelle/{id:guid}/profil", Ifd),
        new("GET", "/faelle/{id:guid}/berufsorientierung", Ifd),
        new("GET", "/faelle/{id:guid}/ausbildung", Ifd),
        new("GET", "/faelle/{id:guid}/einwilligungen-kollegen", Ifd),
        new("GET", "/faelle/{id:guid}/berichte/vorschau", CaseList),
        new("GET", "/faelle/{id:guid}/lek", CaseList),
        new("GET", "/faelle/{id:guid}/verlauf", CaseList),
        new("GET", "/faelle/{id:guid}/kontakte/neu", Ifd),
        new("GET", "/kontakte/{id:guid}", CaseList, Hidden: true),
        new("GET", "/faelle/{id:guid}/vertretung", Ifd, Hidden: true),
        new("GET", "/faelle/{caseId:guid}/dokumente/{documentId:guid}/entfernen", Ifd, Hidden: true),
        new("GET", "/faelle/umverteilen", [Lead]),
        new("GET", "/abwesenheiten", Ifd),
        new("GET", "/faelle/{id:guid}/koordination", CaseList),
        new("GET", "/faelle/{id:guid}/vorlage", Ifd),
        new("GET", "/faelle/{id:guid}/anschreiben", Ifd),
        new("GET", "/lek-ohne-startdatum", Ifd),
        new("GET", "/wiedervorlagen", DeadlineReaders),
        new("GET", "/netzwerke", NetworkReaders),
        new("GET", "/netzwerke/{id:guid}", NetworkReaders),
        new("GET", "/netzwerke/{id:guid}/potenziale/neu", NetworkReaders),
        new("GET", "/netzwerke/{id:guid}/bericht", NetworkReaders),
        new("GET", "/potenziale/{id:guid}", NetworkReaders),
        new("GET", "/verwaltung/benutzer", AdminCoord),
        new("GET", "/verwaltung/organisationen", AdminOnly),
        new("GET", "/verwaltung/landesprofile", AdminOnly),
        new("GET", "/verwaltung/kataloge", AdminCoord),
        new("GET", "/verwaltung/kataloge/loeschen", AdminCoord),
        new("GET", "/team", LeadOnly),
        new("GET", "/ina", CoordinatorOnly),
        new("GET", "/ina/meldungen", CoordinatorOnly),
        new("GET", "/ina/uebernahmen", CoordinatorOnly),
        new("GET", "/uebernahmen", CaseworkerLead),
        new("GET", "/statistik", StatisticsReaders),
        new("GET", "/statistik/datenqualitaet", StatisticsReaders),
        new("GET", "/programme", ProgrammeStaff),
        new("GET", "/programme/{id:guid}", ProgrammeStaff),
        new("GET", "/programme/{id:guid}/einstellungen", ProgrammeConfig),
        new("GET", "/teilnahmen/{id:guid}", ProgrammeStaff),
        new("GET", "/protokoll", AdminLead),
    ];

    [Fact]
    [Trait("Rule", "ACC-06")]
    public void ACC06_every_endpoint_of_the_app_has_an_entry_in_the_matrix()
    {
        var actual = EnumerateEndpoints(factory.Services).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var expected = Matrix.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var missing = actual.Except(expected).Order(StringComparer.Ordinal).ToList();
        var stale = expected.Except(actual).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"Endpoints without a matrix entry:\n  {string.Join("\n  ", missing)}\nMatrix entries without an endpoint:\n  {string.Join("\n  ", stale)}");
    }

    [Fact]
    [Trait("Rule", "ACC-06")]
    public async Task ACC06_every_endpoint_answers_each_role_as_the_matrix_says()
    {
        var endpoints = EnumerateEndpoints(factory.Services);
        var byKey = Matrix.ToDictionary(e => e.Key, StringComparer.Ordinal);
        var failures = new List<string>();
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false);
        await factory.AdminClientAsync();
        var users = new Dictionary<string, TestUser>
        {
            [Adm] = new("admin", TeilhabeFactory.AdminUserName, TeilhabeFactory.AdminPassword, Adm, null, null),
            [Coord] = tenant.Coordinator,
            [Lead] = tenant.LeadA,
            [Cw] = tenant.CaseworkerA,
            [Dep] = tenant.DeputyA,
            [Tr] = await factory.CreateUserAsync(Tr, tenant.ServiceA),
            [Pl] = await factory.CreateUserAsync(Pl, tenant.ServiceA),
        };

        var random = new Random(20261123);
        var ordered = endpoints
            .Where(e => byKey.ContainsKey(e.Key))
            .OrderBy(e => e.Pattern is "/konto/abmelden" or "/api/v1/auth/logout" ? 1 : 0) // signing out comes last
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        var paths = ordered.ToDictionary(e => e.Key, e => Fill(e.Pattern, random), StringComparer.Ordinal);

        using (var anonymous = factory.AnonymousClient())
        {
            foreach (var endpoint in ordered)
            {
                using var response = await SendAsync(anonymous, endpoint, paths[endpoint.Key]);
                Check(failures, byKey[endpoint.Key], endpoint, role: null, response);
            }
        }

        foreach (var (role, user) in users)
        {
            using var api = await factory.LoginAsync(user);
            using var pages = await factory.SignInToPagesAsync(user);
            foreach (var endpoint in ordered)
            {
                using var response = await SendAsync(endpoint.IsPage ? pages : api, endpoint, paths[endpoint.Key]);
                Check(failures, byKey[endpoint.Key], endpoint, role, response);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} answers differ from the matrix:\n{string.Join("\n", failures)}");
    }

    private static void Check(List<string> failures, Entry entry, Endpoint endpoint, string? role, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var who = role ?? "anonymous";
        var isPublic = entry.Allowed.Contains("public");
        void Fail(string why) => failures.Add($"{entry.Key} as {who}: {status} {location} — {why}");

        if (status >= 500)
        {
            Fail("server error");
            return;
        }

        var toLogin = status is 301 or 302 or 303 or 307 && location.Contains("/konto/anmelden", StringComparison.Ordinal);
        var toDenied = status is 301 or 302 or 303 or 307 && location.Contains("/zugriff-verweigert", StringComparison.Ordinal);
        if (isPublic)
        {
            if (toLogin || toDenied || status == 403 || (status == 401 && entry.Key != "POST /api/v1/auth/token"))
            {
                Fail("public endpoint refused");
            }

            return;
        }

        if (role is null)
        {
            if (endpoint.IsPage ? !toLogin : status != 401)
            {
                Fail(endpoint.IsPage ? "expected a redirect to /konto/anmelden" : "expected 401");
            }

            return;
        }

        var refused = endpoint.IsPage ? toLogin || toDenied || status is 401 or 403 : status is 401 or 403;
        if (entry.Allowed.Contains(role))
        {
            if (refused)
            {
                Fail("allowed role refused");
            }
        }
        else if (endpoint.IsPage ? !(toDenied || status == 403 || (entry.Hidden && status == 404)) : !(status == 403 || (entry.Hidden && status == 404)))
        {
            Fail(entry.Hidden ? "expected 403 or 404" : "expected 403");
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Endpoint endpoint, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
        if (endpoint.Method is not "GET" and not "DELETE")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    /// <summary>Fills route parameters: GUIDs from the seeded random, a real catalogue name, a real phase.</summary>
    internal static string Fill(string pattern, Random random)
    {
        var result = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            var open = pattern.IndexOf('{', i);
            if (open < 0)
            {
                result.Append(pattern, i, pattern.Length - i);
                break;
            }

            result.Append(pattern, i, open - i);
            var close = pattern.IndexOf('}', open);
            var parameter = pattern[(open + 1)..close];
            var name = parameter.Split(':')[0];
            result.Append(name switch
            {
                "documentName" => "v1",
                "name" => "topics",
                "code" => "UNBEKANNT",
                "phase" => "Assessment",
                "section" => "angaben",
                _ => SeededGuid(random).ToString(),
            });
            i = close + 1;
        }

        return result.ToString();
    }

    internal static Guid SeededGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>Every routable endpoint: minimal API routes (per HTTP method) and pages (GET).</summary>
    internal static List<Endpoint> EnumerateEndpoints(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var result = new Dictionary<string, Endpoint>(StringComparer.Ordinal);
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            var isPage = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in isPage ? ["GET"] : methods)
            {
                if (method is "HEAD" or "OPTIONS")
                {
                    continue;
                }

                var e = new Endpoint(method, pattern, isPage, endpoint.Metadata.GetMetadata<IAcceptsMetadata>());
                result.TryAdd(e.Key, e);
            }
        }

        return [.. result.Values];
    }

    internal sealed record Endpoint(string Method, string Pattern, bool IsPage, IAcceptsMetadata? Accepts = null)
    {
        public string Key => $"{Method} {Pattern}";
    }

    private sealed record Entry(string Method, string Pattern, string[] Allowed, bool Hidden = false)
    {
        public string Key => $"{Method} {Pattern}";
    }
}
