using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Teilhabe.Web.Features.Accounts;
using Teilhabe.Web.Features.Admin;
using Teilhabe.Web.Features.Audit;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Clients;
using Teilhabe.Web.Features.Contacts;
using Teilhabe.Web.Features.Deadlines;
using Teilhabe.Web.Features.Directory;
using Teilhabe.Web.Features.Documents;
using Teilhabe.Web.Features.Network;
using Teilhabe.Web.Features.Programmes;
using Teilhabe.Web.Features.Reports;
using Teilhabe.Web.Features.Staffing;
using Teilhabe.Web.Features.Statistics;
using Teilhabe.Web.Infrastructure;

var demo = args.Contains("--demo");
// Operations commands (README "Operations"): rotate-document-key, backup FOLDER, restore FOLDER, migrate.
var command = args.FirstOrDefault() is "rotate-document-key" or "backup" or "restore" or "migrate" ? args[0] : null;
var commandArgument = command is null ? null : args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo" && a != command && a != commandArgument).ToArray());
if (demo)
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Teilhabe:Demo"] = "true" });
}

builder.AddTeilhabePlatform();
builder.AddObservability();
builder.Services.AddScoped<UserAdministration>();
builder.Services.AddScoped<AuditQuery>();
builder.Services.AddScoped<Teilhabe.Web.Features.Shared.LayoutModel>();
builder.Services.AddScoped<CatalogueService>();
builder.Services.AddSingleton<CatalogueCache>();
builder.Services.AddScoped<ICatalogueUsage, ClientCatalogueUsage>();
builder.Services.AddScoped<ClientService>();
builder.Services.AddScoped<DirectoryService>();
builder.Services.AddScoped<CaseAccess>();
builder.Services.AddScoped<CaseService>();
builder.Services.AddScoped<CaseTransitions>();
builder.Services.AddScoped<Teilhabe.Web.Features.Commissions.CommissionService>();
builder.Services.AddScoped<Teilhabe.Web.Features.Coordination.CoordinationService>();
builder.Services.AddScoped<DocumentService>();
builder.Services.AddScoped<ContactService>();
builder.Services.AddScoped<ContactDraftStore>();
builder.Services.AddScoped<CaseTimeline>();
builder.Services.AddScoped<IContactFacts>(sp => sp.GetRequiredService<ContactService>());
builder.Services.AddScoped<ICatalogueUsage, ContactCatalogueUsage>();
builder.Services.AddDeadlines();
builder.Services.AddStaffing();
builder.Services.AddReminders();
builder.Services.AddScoped<Teilhabe.Web.Features.Statistics.StatisticsService>();
builder.Services.AddScoped<ReportService>();
builder.Services.AddScoped<ITransitionEffects>(sp => sp.GetRequiredService<ReportService>());
builder.Services.AddScoped<ProgrammeService>();
builder.Services.AddScoped<NetworkAccess>();
builder.Services.AddScoped<NetworkService>();
builder.Services.AddScoped<Teilhabe.Web.Features.Retention.RetentionService>();
builder.Services.AddScoped<Teilhabe.Web.Features.Clients.ClientExport>();
builder.Services.AddScoped<Teilhabe.Web.Features.IfdTasks.IfdTasksService>();
builder.Services.AddSingleton<Teilhabe.Web.Features.Retention.RetentionJob>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<Teilhabe.Web.Features.Retention.RetentionJob>());
builder.Services.AddSingleton<IDocumentStore>(sp => DocumentStorage.Create(sp));

var app = builder.Build();
if (command == "rotate-document-key")
{
    return await DocumentStorage.RotateKeyCommandAsync(app.Services);
}

if (command is "backup" or "restore")
{
    return await Backup.CommandAsync(app.Services, command, commandArgument);
}

if (command == "migrate")
{
    // README "Production topology": the one migration step of a deployment; the nodes run with Migrate=false.
    await app.PrepareDatabaseAsync(migrate: true);
    Console.Out.WriteLine("Datenbank vorbereitet (Migrationen angewendet).");
    return 0;
}

app.UseTeilhabeForwardedHeaders();
app.UseObservability();
app.UseExceptionHandler();
app.UseStatusCodePages();
if (!PlatformSetup.IsLocal(app.Environment))
{
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseSessionValidation();
app.UseAntiforgery();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapAccountsApi();
app.MapAdminApi();
app.MapAuditApi();
app.MapCataloguesApi();
app.MapClientsApi();
app.MapContactsApi();
app.MapDirectoryApi();
app.MapStaffingApi();
app.MapCasesApi();
app.MapDeadlinesApi();
app.MapStatisticsApi();
Teilhabe.Web.Features.Commissions.CommissionsApi.MapCommissionsApi(app);
app.MapReportsApi();
app.MapProgrammesApi();
app.MapParticipationRecordsApi();
Teilhabe.Web.Features.Coordination.CoordinationApi.MapCoordinationApi(app);
app.MapNetworksApi();
Teilhabe.Web.Features.Retention.RetentionApi.MapRetentionApi(app);
Teilhabe.Web.Features.Clients.ClientExportApi.MapClientExportApi(app);
Teilhabe.Web.Features.IfdTasks.IfdTasksApi.MapIfdTasksApi(app);
app.MapRazorPages();

await app.PrepareDatabaseAsync();
StartupBanner.Register(app, demo);
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
