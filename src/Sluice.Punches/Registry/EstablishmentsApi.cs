using System.Net.Mime;
using Sluice.Punches.Adms.Rejected;
using Sluice.Punches.Aej;
using Sluice.Punches.Afd;
using Sluice.Punches.Exports;
using Sluice.Punches.Ledger;
using Sluice.Punches.Signing;
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

        var registry = establishments.MapGroup("").WithTag("Registry", "Establishments, employees and ADMS devices: the register punches are checked against; each change is an AFD record.");
        registry.MapPost("/", EstablishmentEndpoints.CreateEstablishmentAsync)
            .AsOperation("CreateEstablishment", SluicePolicies.Manage, "Register an establishment (employer CNPJ/CPF, legal name, place of service, INPI number, time zone); written to the ledger as an AFD type 2 record. 409 when its document is taken.");
        registry.MapGet("/", EstablishmentEndpoints.ListEstablishmentsAsync).AsOperation("ListEstablishments", SluicePolicies.Read, "Every establishment in the register, by id.");
        registry.MapGet("/{id:guid}", EstablishmentEndpoints.GetEstablishmentAsync).AsOperation("GetEstablishment", SluicePolicies.Read, "An establishment: employer document, legal name, place of service, INPI number and time zone.");
        registry.MapPut("/{id:guid}", EstablishmentEndpoints.UpdateEstablishmentAsync)
            .AsOperation("UpdateEstablishment", SluicePolicies.Manage, "Replace an establishment; a change of its document, CNO/CAEPF, name or place of service is an AFD type 2 record.");
        registry.MapPost("/{id:guid}/employees", EmployeeEndpoints.CreateAsync)
            .AsOperation("CreateEmployee", SluicePolicies.Registry, "Register an employee; written to the ledger as an AFD type 5 inclusion.");
        registry.MapGet("/{id:guid}/employees", EmployeeEndpoints.ListAsync).AsOperation("ListEmployees", SluicePolicies.Read, "The establishment's employees, active or not; device PINs only for callers allowed to keep the register.");
        registry.MapPost("/{id:guid}/employees/import", EmployeeEndpoints.ImportAsync)
            .AsOperation("ImportEmployees", SluicePolicies.Registry, "Create or update employees from text/csv (code,name,cpf[,pin,webPin,active]); bad rows are reported, good rows stored.")
            .Accepts<string>("text/csv");
        registry.MapPost("/{id:guid}/devices", EstablishmentEndpoints.SaveDeviceAsync)
            .AsOperation("SaveDevice", SluicePolicies.Manage, "Register (or move) an ADMS device by serial number, with its push comm key and the networks it may call from.");
        registry.MapGet("/{id:guid}/devices", EstablishmentEndpoints.ListDevicesAsync).AsOperation("ListDevices", SluicePolicies.Read, "The establishment's ADMS devices by serial number, with their time zone and allowed networks (never their comm key).");
        registry.MapGet("/{id:guid}/devices/rejected", RejectedLinesEndpoints.ListAsync)
            .AsOperation("ListRejectedDeviceLines", SluicePolicies.Read, "Lines the establishment's devices sent that could not be taken as punches, newest first, each with its reason.");

        establishments.MapGet("/{id:guid}/verify", LedgerEndpoints.VerifyAsync).WithTag("Ledger", "The punch ledger's NSR sequence and hash chain, and their verification.")
            .AsOperation("VerifyLedger", SluicePolicies.Read, "Walk the establishment's NSR sequence and hash chain; names the first NSR whose record or link was altered.");

        var treatment = establishments.MapGroup("").WithTag("Treatment", "The treatment program: contractual schedules, contracts and treated markings, kept beside a ledger that never changes.");
        treatment.MapPost("/{id:guid}/schedules", ScheduleEndpoints.CreateAsync)
            .AsOperation("CreateSchedule", SluicePolicies.Registry, "Define a contractual schedule (code, daily minutes, entry/exit pairs, days worked) for the establishment's employees to reference.");
        treatment.MapGet("/{id:guid}/schedules", ScheduleEndpoints.ListAsync).AsOperation("ListSchedules", SluicePolicies.Read, "The establishment's contractual schedules.");

        var exports = establishments.MapGroup("").WithTag("Exports", "Legal files and reports: the AFD and the AEJ with their CAdES signatures, timesheets and the Espelho de Ponto.");
        MapSigned(exports, "Afd", AfdWriter.ContentType, ExportEndpoints.GetAfdAsync, SignedAfdEndpoints.GetSignatureAsync, SignedAfdEndpoints.GetZipAsync,
            "Stream the AFD of the records made from `from` to `to` (dates, establishment's zone), named as the regulation says.");
        MapSigned(exports, "Aej", AejLayout.ContentType, AejEndpoints.GetAsync, AejEndpoints.GetSignatureAsync, AejEndpoints.GetZipAsync,
            "The AEJ (Arquivo Eletrônico de Jornada) of the markings from `from` to `to`: schedules, employees, original and treated markings.");
        return app;
    }

    /// <summary>A legal file (<paramref name="name"/>: Afd, Aej), its detached signature (<c>.p7s</c>) and both in one zip (<c>.zip</c>).</summary>
    private static void MapSigned(
        RouteGroupBuilder exports, string name, string contentType, Delegate file, Delegate signature, Delegate zip, string summary)
    {
        var path = "/{id:guid}/" + name.ToLowerInvariant();
        var title = name.ToUpperInvariant();
        exports.MapGet(path, file)
            .AsOperation("Get" + name, SluicePolicies.Read, summary)
            .Produces(StatusCodes.Status200OK, contentType: contentType);
        exports.MapGet(path + ".p7s", signature)
            .AsOperation($"Get{name}Signature", SluicePolicies.Read, $"The detached CAdES signature (.p7s) of the {title} that `from`, `to`, `upTo` and `generatedAt` fix: take them from the {title}'s Link header.")
            .Produces(StatusCodes.Status200OK, contentType: CadesSignature.ContentType);
        exports.MapGet(path + ".zip", zip)
            .AsOperation($"GetSigned{name}", SluicePolicies.Read, $"The {title} and its detached CAdES signature in one zip, both from one production.")
            .Produces(StatusCodes.Status200OK, contentType: MediaTypeNames.Application.Zip);
    }
}
