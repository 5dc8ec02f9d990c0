using Sluice.Punches.Registry;

namespace Sluice.Tests.Punches.Registry;

public sealed class WebPinsTests
{
    [Fact]
    public void A_pin_is_stored_salted_and_slow_and_only_the_same_pin_verifies()
    {
        var first = WebPins.Hash("2468");
        var second = WebPins.Hash("2468");

        Assert.NotEqual(first, second); // salted
        Assert.StartsWith("pbkdf2-sha256$120000$", first, StringComparison.Ordinal);
        Assert.True(WebPins.Verify("2468", first));
        Assert.False(WebPins.Verify("2469", first));
        Assert.False(WebPins.Verify("2468", null));
        Assert.False(WebPins.Verify("2468", "plain-2468"));
    }
}
