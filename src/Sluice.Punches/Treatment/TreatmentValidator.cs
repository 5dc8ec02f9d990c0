using System.Globalization;
using Sluice.Intake;
using Sluice.Punches.Aej;

namespace Sluice.Punches.Treatment;

/// <summary>Checks the treatment program's input and names every bad field at once.</summary>
internal static class TreatmentValidator
{
    public const int MaxScheduleNameLength = 150;

    public const int MaxRoleLength = 100;

    public const int MaxPairs = 6;

    public static Dictionary<string, string[]> Validate(ScheduleRequest? request)
    {
        if (FieldErrors.MissingBody(request, out var errors))
        {
            return errors;
        }

        Text(errors, "code", request.Code, AejLayout.MaxScheduleCodeLength);
        if (request.Name is not null)
        {
            Text(errors, "name", request.Name, MaxScheduleNameLength);
        }

        if (request.Pairs is not { Length: > 0 and <= MaxPairs } pairs || pairs.Any(p => p is null || Time(p.Entry) is null || Time(p.Exit) is null || p.Entry == p.Exit))
        {
            errors["pairs"] = [$"Give 1 to {MaxPairs} pairs of entry and exit, each HH:mm, an exit differing from its entry."];
        }

        if (request.DailyMinutes is { } minutes && minutes is < 1 or > 1440)
        {
            errors["dailyMinutes"] = ["Use 1 to 1440 minutes."];
        }

        if (request.WeekDays is not { Length: > 0 } days || days.Any(d => Array.IndexOf(Schedule.DayNames, d?.ToLowerInvariant()) < 0)
            || days.Distinct(StringComparer.OrdinalIgnoreCase).Count() != days.Length)
        {
            errors["weekDays"] = ["Give the days worked, each once: mon, tue, wed, thu, fri, sat, sun."];
        }

        return errors;
    }

    public static Dictionary<string, string[]> Validate(ContractRequest? request)
    {
        if (FieldErrors.MissingBody(request, out var errors))
        {
            return errors;
        }

        if (Date(request.AdmissionDate) is null)
        {
            errors["admissionDate"] = ["Use a date as yyyy-MM-dd, from 1900-01-01 to 2999-12-31."];
        }

        Text(errors, "role", request.Role, MaxRoleLength);
        if (string.IsNullOrWhiteSpace(request.ScheduleCode))
        {
            errors["scheduleCode"] = ["Required: the code of one of the establishment's schedules."];
        }

        return errors;
    }

    /// <summary>The shape of a treatment; whether its punch exists is the endpoint's to check, against the ledger.</summary>
    public static Dictionary<string, string[]> Validate(TreatmentRequest? request, DateTimeOffset now, TimeSpan futureTolerance)
    {
        if (FieldErrors.MissingBody(request, out var errors))
        {
            return errors;
        }

        var kind = Treatment.Parse(request.Kind);
        if (kind is null)
        {
            errors["kind"] = ["Use 'included', 'disregarded' or 'preassigned'."];
        }
        else if (kind == TreatmentKind.Disregarded)
        {
            if (request.Nsr is not > 0)
            {
                errors["nsr"] = ["Required: the NSR of the employee's punch to disregard."];
            }

            if (request.PunchedAt is not null)
            {
                errors["punchedAt"] = ["Leave it out: a disregarded marking keeps its punch's time."];
            }
        }
        else
        {
            if (Instant(request.PunchedAt) is not { } at)
            {
                errors["punchedAt"] = ["Required: a time with its offset, e.g. 2026-12-07T12:00:00-03:00."];
            }
            else if (at > now + futureTolerance)
            {
                errors["punchedAt"] = ["Must not be in the future: a marking is treated after the day it belongs to."];
            }

            if (request.Nsr is not null)
            {
                errors["nsr"] = ["Leave it out: only a disregarded marking names a punch."];
            }
        }

        Text(errors, "reason", request.Reason, AejLayout.MaxReasonLength);
        return errors;
    }

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date.Year is >= 1900 and <= 2999 ? date : null;

    public static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>An ISO time that states its offset: a marking without one could be any of several instants.</summary>
    public static DateTimeOffset? Instant(string? text) =>
        text is { Length: >= 16 } && (text.EndsWith('Z') || text[^6] is '+' or '-')
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) && at.Year is >= 1900 and <= 2999
            ? at
            : null;

    /// <summary>
    /// The AEJ is ISO-8859-1 and pipe-delimited: text that could not be written there, or that holds the delimiter, is
    /// refused here rather than changed in the file.
    /// </summary>
    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max || value.Any(c => char.IsControl(c) || c > '\u00FF' || c == '|'))
        {
            errors[field] = [$"Required: 1 to {max} characters of ISO-8859-1 (Latin-1), without '|'."];
        }
    }
}
