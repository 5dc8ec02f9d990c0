using System.Text.RegularExpressions;
using Sluice.Intake;

namespace Sluice.Orders;

/// <summary>Checks every field and reports all problems at once.</summary>
internal static partial class OrderValidator
{
    public const int MaxClientOrderIdLength = 64;
    public const int MaxAccountLength = 32;
    public const int MaxSymbolLength = 12;
    public const long MaxQuantity = 1_000_000_000;
    public const decimal MaxPrice = 1_000_000_000m;

    /// <summary>Prices are stored as integer millionths (exact on both engines), so more decimals would be lost.</summary>
    public const int PriceDecimals = 6;

    public static Dictionary<string, string[]> Validate(OrderRequest? request)
    {
        if (FieldErrors.MissingBody(request, out var errors, "A JSON object with clientOrderId, account, symbol, side, quantity and price is required."))
        {
            return errors;
        }

        Check(errors, "clientOrderId", request.ClientOrderId, MaxClientOrderIdLength, ClientOrderIdPattern(), "letters, digits, '.', '_', ':' or '-'");
        Check(errors, "account", request.Account, MaxAccountLength, AccountPattern(), "letters, digits, '.', '_' or '-'");
        Check(errors, "symbol", request.Symbol, MaxSymbolLength, SymbolPattern(), "upper-case letters, digits or '.'");

        if (string.IsNullOrWhiteSpace(request.Side))
        {
            errors["side"] = ["Required."];
        }
        else if (NormalizeSide(request.Side) is null)
        {
            errors["side"] = ["Use 'buy' or 'sell'."];
        }

        if (request.Quantity is not { } quantity)
        {
            errors["quantity"] = ["Required."];
        }
        else if (quantity is < 1 or > MaxQuantity)
        {
            errors["quantity"] = [$"Use a whole number from 1 to {MaxQuantity:N0}."];
        }

        if (request.Price is not { } price)
        {
            errors["price"] = ["Required."];
        }
        else if (price <= 0 || price >= MaxPrice)
        {
            errors["price"] = [$"Use a price above 0 and below {MaxPrice:N0}."];
        }
        else if (decimal.Round(price, PriceDecimals) != price)
        {
            errors["price"] = [$"Use at most {PriceDecimals} decimal places."];
        }

        return errors;
    }

    /// <summary>Sides are stored in one spelling so equal orders compare (and hash) equal.</summary>
    public static string? NormalizeSide(string? side) => side?.Trim().ToLowerInvariant() switch
    {
        "buy" => "buy",
        "sell" => "sell",
        _ => null,
    };

    private static void Check(Dictionary<string, string[]> errors, string field, string? value, int maxLength, Regex pattern, string allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["Required."];
        }
        else if (value.Length > maxLength || !pattern.IsMatch(value))
        {
            errors[field] = [$"Use 1 to {maxLength} {allowed}."];
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._:-]+$")]
    private static partial Regex ClientOrderIdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._-]+$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^[A-Z0-9.]+$")]
    private static partial Regex SymbolPattern();
}
