using System.Diagnostics.CodeAnalysis;

namespace Sluice.Intake;

/// <summary>A request's problems as a validation problem (400) lists them: each bad field's name to its messages.</summary>
internal static class FieldErrors
{
    public const string NoObject = "A JSON object is required.";

    /// <summary>
    /// Starts the problems of <paramref name="request"/>: none yet, or, when there is no request at all, the one
    /// <c>body</c> problem <paramref name="message"/> (then true: nothing else can be checked).
    /// </summary>
    public static bool MissingBody<T>([NotNullWhen(false)] T? request, out Dictionary<string, string[]> errors, string message = NoObject)
        where T : class
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is not null)
        {
            return false;
        }

        errors["body"] = [message];
        return true;
    }
}
