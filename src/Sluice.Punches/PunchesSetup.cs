using Sluice.Delivery.Engine;
using Sluice.Delivery.Sinks;
using Sluice.Hosting;
using Sluice.Punches.Adms;
using Sluice.Punches.Espelho;
using Sluice.Punches.Exports;
using Sluice.Journal.Modules;
using Sluice.Punches.Ledger;
using Sluice.Punches.Registry;
using Sluice.Punches.Receipts;
using Sluice.Punches.Reporting;
using Sluice.Punches.Signing;
using Sluice.Punches.Timesheets.Page;
using Sluice.Punches.Treatment;
using Sluice.Punches.WebPage;
using Sluice.Security;

namespace Sluice.Punches;

public static class PunchesSetup
{
    public static WebApplicationBuilder AddPunches(this WebApplicationBuilder builder)
    {
        builder.Services.AddDomainModule<PunchesOptions>(PunchesOptions.SectionName, PunchesJsonContext.Default)
            .Validate(punches => punches.DeveloperDocument.Length == 0 || Afd.AfdDeveloper.From(punches.DeveloperDocument) is not null,
                "Punches:DeveloperDocument must be the REP-P developer's CNPJ (14 digits) or CPF (11 digits) with valid check digits.")
            .Validate(punches => LegacyPunchShape.IsValid(punches.LegacyShape),
                $"Punches:LegacyShape: every value must be a punch field: {string.Join(", ", LegacyPunchShape.Fields)}.");
        builder.AddSigning();
        builder.Services.AddSingleton<IJournalModule, PunchLedger>();
        builder.Services.AddSingleton<RegistryStore>();
        builder.Services.AddSingleton<EmployeeDirectory>();
        builder.Services.AddSingleton<IEstablishments, RegisteredEstablishments>();
        builder.Services.AddSingleton<WebPage.WebPinGuard>();
        builder.Services.AddSingleton<Receipts.ReceiptLinks>();
        builder.Services.AddSingleton<Registry.WebPinHasher>();
        builder.Services.AddSingleton<EmployeeResolver>();
        builder.Services.AddSingleton<LedgerQueries>();
        builder.Services.AddSingleton<Operations.IDeadLetterSubjectSource, PunchSubjects>();
        builder.Services.AddSingleton<Exports.AfdProductions>();
        builder.Services.AddSingleton<Exports.AejProductions>();
        builder.Services.AddSingleton<ChainVerifier>();
        builder.Services.AddSingleton(sp => new LedgerAudit(sp.GetRequiredService<EmployeeDirectory>(), sp.GetRequiredService<ChainVerifier>()));
        builder.Services.AddTreatment();
        builder.Services.AddEspelho();
        builder.Services.AddHostedService<RegistryRefresher>();
        builder.Services.AddSingleton<ServiceEvents>();
        builder.Services.AddHostedService<ServiceEventsService>();
        builder.Services.AddSingleton<EmployeeIndexer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EmployeeIndexer>());
        builder.Services.AddSingleton<PunchIntake>();
        builder.Services.AddSingleton<IDeliverySinkFactory, PunchReportSinkFactory>();
        builder.Services.AddSingleton<IPayloadShaper, LegacyPunchShape>();
        return builder.AddAdms();
    }

    /// <summary>Every punch endpoint, one route table per URL prefix: intake, the register, pages, ADMS.</summary>
    public static IEndpointRouteBuilder MapPunches(this IEndpointRouteBuilder app)
    {
        app.MapPunchesApi();
        app.MapEstablishmentsApi();
        app.MapEmployeesApi();
        app.MapSchedulesApi();
        app.MapSigningApi();
        app.MapPunchPageApi();
        app.MapTimesheetPageApi();
        return app.MapAdmsApi();
    }
}
