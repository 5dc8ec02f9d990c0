namespace Sluice.Testing;

/// <summary>
/// Waits for a condition that another component makes true on its own schedule (a delivery, a retry),
/// where no signal can be awaited. Fails with the last observed state instead of hanging.
/// </summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> observe, Func<T, bool> done, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await observe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached within {timeout ?? TimeSpan.FromSeconds(20)}: {because ?? "condition"}. Last seen: {value}");
            }

            await Task.Delay(50);
        }
    }
}
