using System.Text;
using System.Text.Json;
using Sluice.Journal.Modules;

namespace Sluice.Journal.Tests.Modules;

public sealed class JsonObjectsTests
{
    [Theory]
    [InlineData("{\"nsr\":7,\"hash\":\"ab\"}", "{\"id\":\"x\",\"offline\":false}", "{\"nsr\":7,\"hash\":\"ab\",\"id\":\"x\",\"offline\":false}")]
    [InlineData("{\"id\":1}", "{}", "{\"id\":1}")]
    [InlineData("{}", "{\"id\":1}", "{\"id\":1}")]
    [InlineData("{}", "{}", "{}")]
    public void Joins_the_members_of_two_objects_first_ones_first(string first, string second, string joined)
    {
        var result = JsonObjects.Join(Encoding.UTF8.GetBytes(first), Encoding.UTF8.GetBytes(second));

        Assert.Equal(joined, Encoding.UTF8.GetString(result));
        using var parsed = JsonDocument.Parse(result);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1]")]
    [InlineData("\"text\"")]
    [InlineData("{\"a\":1")]
    public void Refuses_anything_but_an_object(string notAnObject)
    {
        var error = Assert.Throws<ArgumentException>(() => JsonObjects.Join(Encoding.UTF8.GetBytes(notAnObject), "{}"u8));

        Assert.Equal("first", error.ParamName);
    }
}
