using System.Security.Claims;
using Sluice.Security;

namespace Sluice.Tests.Security;

public sealed class CallerScopeTests
{
    [Fact]
    public void A_scoped_key_acts_only_for_its_establishment_and_people_for_any()
    {
        var scoped = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(SluiceClaims.KeyKind, ApiKeyKinds.Device), new Claim(SluiceClaims.Establishment, "6F9619FF-8B86-D011-B42D-00C04FC964FF")], "ApiKey"));
        Assert.True(scoped.MayActFor("6f9619ff-8b86-d011-b42d-00c04fc964ff"));
        Assert.False(scoped.MayActFor("store-13"));
        Assert.False(scoped.MayActFor(null));

        var person = new ClaimsPrincipal(new ClaimsIdentity([new Claim("role", SluiceRoles.Hr)], "Bearer", "sub", "role"));
        Assert.Null(person.Establishment());
        Assert.True(person.MayActFor("store-13"));
        Assert.True(person.MayActFor(null));
    }
}
