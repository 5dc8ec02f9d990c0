namespace Sluice.Security;

/// <summary>The establishments an API key may be scoped to; kept by the punch registry.</summary>
public interface IEstablishments
{
    ValueTask<bool> ExistsAsync(Guid id, CancellationToken cancellationToken);
}
