using Sluice.Punches.Adms.Rejected;
using Sluice.Punches.Exports;
using Sluice.Punches.Ledger;
using Sluice.Punches.Treatment;
using Sluice.Security;

namespace Sluice.Punches.Registry;

/// <summary>
/// Every route under <c>/api/establishments</c>: the register (establishments, their employees and devices), the
/// ledger's verification, the treatment program's schedules and the AFD and AEJ files.
/// </summary>
internal static class EstablishmentsApi
{
    public static IEndpointRouteBuilder MapEstablishmentsApi(this IEndpointRouteBuilder app)
    {
        var establishments = app.MapGroup("/api/establishments");

        var registry = establishments.MapGroup("").WithTags("Registry");
        registry.MapPost("/", EstablishmentEndpoints.CreateEstablishmentAsync).WithName("CreateEstablishment")
            .WithSummary("Register an establishment (employer CNPJ/CPF, legal name, place of service, INPI number, time zone); written to the ledger as an AFD type 2 record. 409 when its document is taken.")
            .RequireSluicePolicy(SluicePolicies.Manage);
        registry.MapGet("/", EstablishmentEndpoints.ListEstablishmentsAsync).WithName("ListEstablishments").RequireSluicePolicy(SluicePolicies.Read);
        registry.MapGet("/{id:guid}", EstablishmentEndpoints.GetEstablishmentAsync).WithName("GetEstablishment").RequireSluicePolicy(SluicePolicies.Read);
        registry.MapPut("/{id:guid}", EstablishmentEndpoints.UpdateEstablishmentAsync).WithName("UpdateEstablishment")
            .WithSummary("Replace an establishment; a change of its document, CNO/CAEPF, name or place of service is an AFD type 2 record.")
            .RequireSluicePolicy(SluicePolicies.Manage);
        registry.MapPost("/{id:guid}/employees", EmployeeEndpoints.CreateAsync).WithName("CreateEmployee")
            .WithSummary("Register an employee; written to the ledger as an AFD type 5 inclusion.")
            .RequireSluicePolicy(SluicePolicies.Registry);
        registry.MapGet("/{id:guid}/employees", EmployeeEndpoints.ListAsync).WithName("ListEmployees").RequireSluicePolicy(SluicePolicies.Read);
        registry.MapPost("/{id:guid}/employees/import", EmployeeEndpoints.ImportAsync).WithName("ImportEmployees")
            .WithSummary("Create or update employees from text/csv (code,name,cpf[,pin,webPin,active]); bad rows are reported, good rows stored.")
            .Accepts<string>("text/csv")
            .RequireSluicePolicy(SluicePolicies.Registry);
        registry.MapPost("/{id:guid}/devices", EstablishmentEndpoints.SaveDeviceAsync).WithName("SaveDevice")
            .WithSummary("Register (or move) an ADMS device by serial number, with its push comm key and the networks it may call from.")
            .RequireSluicePolicy(SluicePolicies.Manage);
        registry.MapGet("/{id:guid}/devices", EstablishmentEndpoints.ListDevicesAsync).WithName("ListDevices").RequireSluicePolicy(SluicePolicies.Read);
        registry.MapGet("/{id:guid}/devices/rejected", RejectedLinesEndpoints.ListAsync).WithName("ListRejectedDeviceLines")
            .WithSummary("Lines the establishment's devices sent that could not be taken as punches, newest first, each with its reason.")
            .RequireSluicePolicy(SluicePolicies.Read);

        establishments.MapGet("/{id:guid}/verify", LedgerEndpoints.VerifyAsync)
            .WithTags("Ledger")
            .WithName("VerifyLedger")
            .WithSummary("Walk the establishment's NSR sequence and hash chain; names the first NSR whose record or link was altered.")
            .RequireSluicePolicy(SluicePolicies.Read);

        var treatment = establishments.MapGroup("").WithTags("Treatment");
        treatment.MapPost("/{id:guid}/schedules", ScheduleEndpoints.CreateAsync).WithName("CreateSchedule")
            .WithSummary("Define a contractual schedule (code, daily minutes, entry/exit pairs, days worked) for the establishment's employees to reference.")
            .RequireSluicePolicy(SluicePolicies.Registry);
        treatment.MapGet("/{id:guid}/schedules", ScheduleEndpoints.ListAsync).WithName("ListSchedules").RequireSluicePolicy(SluicePolicies.Read);

        var exports = establishments.MapGroup("").WithTags("Exports");
        MapSigned(exports, "Afd", ExportEndpoints.GetAfdAsync, SignedAfdEndpoints.GetSignatureAsync, SignedAfdEndpoints.GetZipAsync,
            "Stream the AFD of the records made from `from` to `to` (dates, establishment's zone), named as the regulation says.");
        MapSigned(exports, "Aej", AejEndpoints.GetAsync, AejEndpoints.GetSignatureAsync, AejEndpoints.GetZipAsync,
            "The AEJ (Arquivo Eletrônico de Jornada) of the markings from `from` to `to`: schedules, employees, original and treated markings.");
        return app;
    }

    /// <summary>A legal file (<paramref name="name"/>: Afd, Aej), its detached signature (<c>.p7s</c>) and both in one zip (<c>.zip</c>).</summary>
    private static void MapSigned(RouteGroupBuilder exports, string name, Delegate file, Delegate signature, Delegate zip, string summary)
    {
        var path = "/{id:guid}/" + name.ToLowerInvariant();
        var title = name.ToUpperInvariant();
        exports.MapGet(path, file).WithName("Get" + name).WithSummary(summary).RequireSluicePolicy(SluicePolicies.Read);
        exports.MapGet(path + ".p7s", signature).WithName($"Get{name}Signature")
            .WithSummary($"The detached CAdES signature (.p7s) of the {title} that `from`, `to`, `upTo` and `generatedAt` fix: take them from the {title}'s Link header.")
            .RequireSluicePolicy(SluicePolicies.Read);
        exports.MapGet(path + ".zip", zip).WithName($"GetSigned{name}")
            .WithSummary($"The {title} and its detached CAdES signature in one zip, both from one production.")
            .RequireSluicePolicy(SluicePolicies.Read);
    }
}
