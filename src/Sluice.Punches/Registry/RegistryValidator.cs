using System.Text.RegularExpressions;
using Sluice.Intake;

namespace Sluice.Punches.Registry;

/// <summary>Checks registry input and names every bad field at once.</summary>
internal static partial class RegistryValidator
{
    public const int MaxLegalNameLength = 150;
    public const int MaxEmployeeNameLength = 52;
    public const int MaxPlaceLength = 100;
    public const int MaxCodeLength = 32;

    public static Dictionary<string, string[]> Validate(EstablishmentRequest? request)
    {
        if (FieldErrors.MissingBody(request, out var errors))
        {
            return errors;
        }

        var type = request.DocumentType?.ToLowerInvariant();
        if (type is not ("cnpj" or "cpf"))
        {
            errors["documentType"] = ["Use 'cnpj' or 'cpf'."];
        }
        else if (type == "cnpj" && !BrazilianDocuments.IsCnpj(request.Document))
        {
            errors["document"] = ["Not a valid CNPJ (14 digits with valid check digits)."];
        }
        else if (type == "cpf" && !BrazilianDocuments.IsCpf(request.Document))
        {
            errors["document"] = ["Not a valid CPF (11 digits with valid check digits)."];
        }

        if (request.CnoCaepf is { Length: > 0 } cno && (BrazilianDocuments.Digits(cno).Length is 0 or > 14 || cno.Any(c => !char.IsAsciiDigit(c) && c is not ('.' or '-' or '/'))))
        {
            errors["cnoCaepf"] = ["Use at most 14 digits."];
        }

        Text(errors, "legalName", request.LegalName, MaxLegalNameLength);
        if (InpiNumbers.Normalize(request.InpiNumber) is null)
        {
            errors["inpiNumber"] = ["Not a valid INPI computer program registration: BR 51, the year, six digits and the check digit, e.g. BR512026000001-7."];
        }

        if (request.Place is not null)
        {
            Text(errors, "place", request.Place, MaxPlaceLength);
        }

        if (!IsTimeZone(request.TimeZone))
        {
            errors["timeZone"] = ["Use an IANA time zone, e.g. America/Sao_Paulo."];
        }

        return errors;
    }

    public static Dictionary<string, string[]> Validate(EmployeeRequest? request)
    {
        if (FieldErrors.MissingBody(request, out var errors))
        {
            return errors;
        }

        if (string.IsNullOrEmpty(request.Code) || request.Code.Length > MaxCodeLength || !CodePattern().IsMatch(request.Code))
        {
            errors["code"] = [$"Use 1 to {MaxCodeLength} letters, digits, '.', '_' or '-'."];
        }

        Text(errors, "name", request.Name, MaxEmployeeNameLength);
        if (!BrazilianDocuments.IsCpf(request.Cpf))
        {
            errors["cpf"] = ["Not a valid CPF (11 digits with valid check digits)."];
        }

        if (request.Pin is not null && (request.Pin.Length is 0 or > 24 || !request.Pin.All(char.IsAsciiLetterOrDigit)))
        {
            errors["pin"] = ["Use 1 to 24 letters or digits (leading zeros count)."];
        }

        if (request.WebPin is not null && (request.WebPin.Length is < 4 or > 64 || request.WebPin.Any(char.IsControl)))
        {
            errors["webPin"] = ["Use 4 to 64 characters."];
        }

        return errors;
    }

    public static Dictionary<string, string[]> Validate(DeviceRequest? request)
    {
        if (FieldErrors.MissingBody(request, out var errors))
        {
            return errors;
        }

        if (string.IsNullOrEmpty(request.Serial) || request.Serial.Length > 64 || !CodePattern().IsMatch(request.Serial))
        {
            errors["serial"] = ["Use 1 to 64 letters, digits, '.', '_' or '-'."];
        }

        if (request.TimeZone is not null && !IsTimeZone(request.TimeZone))
        {
            errors["timeZone"] = ["Use an IANA time zone, e.g. America/Sao_Paulo."];
        }

        if (request.CommKey is not null && !Adms.AdmsCommKey.IsValid(request.CommKey))
        {
            errors["commKey"] = [$"Use {Adms.AdmsCommKey.MinLength} to {Adms.AdmsCommKey.MaxLength} letters or digits, as set on the device."];
        }

        if (request.Networks is { } networks && (networks.Length > 32 || networks.Any(n => !Adms.AdmsNetworks.TryParse(n, out _))))
        {
            errors["networks"] = ["Use at most 32 networks in CIDR form (10.1.2.0/24) or single addresses."];
        }

        return errors;
    }

    public static bool IsTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    /// <summary>The AFD is ISO-8859-1: names that cannot be written there are refused here, not mangled later.</summary>
    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max || value.Any(char.IsControl) || !Latin1(value))
        {
            errors[field] = [$"Required: 1 to {max} characters of ISO-8859-1 (Latin-1)."];
        }
    }

    private static bool Latin1(string value) => value.All(c => c <= '\u00FF');

    [GeneratedRegex(@"^[A-Za-z0-9._-]+$")]
    private static partial Regex CodePattern();
}
