using Sluice.Punches.Registry;

namespace Sluice.Tests.Punches.Registry;

public sealed class BrazilianDocumentsTests
{
    [Theory]
    [InlineData("529.982.247-25", true)]
    [InlineData("52998224725", true)]
    [InlineData("11144477735", true)]
    [InlineData("52998224724", false)] // last check digit wrong
    [InlineData("52998224715", false)] // first check digit wrong
    [InlineData("111.111.111-11", false)] // passes the arithmetic, never issued
    [InlineData("5299822472", false)]
    [InlineData("529982247255", false)]
    [InlineData("52998224725x", false)]
    [InlineData("", false)]
    public void Cpf_check_digits(string cpf, bool valid) => Assert.Equal(valid, BrazilianDocuments.IsCpf(cpf));

    [Theory]
    [InlineData("11.222.333/0001-81", true)]
    [InlineData("11222333000181", true)]
    [InlineData("45.723.174/0001-10", true)]
    [InlineData("11222333000182", false)]
    [InlineData("11222333000191", false)]
    [InlineData("00000000000000", false)]
    [InlineData("1122233300018", false)]
    public void Cnpj_check_digits(string cnpj, bool valid) => Assert.Equal(valid, BrazilianDocuments.IsCnpj(cnpj));
}
