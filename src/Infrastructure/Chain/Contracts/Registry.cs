using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Contracts;

[Function("registerInvestors")]
public sealed class RegisterInvestorsFunction : FunctionMessage
{
    [Parameter("address[]", "accounts", 1)]
    public List<string> Accounts { get; set; } = [];

    [Parameter("uint16[]", "countries", 2)]
    public List<ushort> Countries { get; set; } = [];

    [Parameter("uint64[]", "kycExpiries", 3)]
    public List<ulong> KycExpiries { get; set; } = [];
}

[Function("setExempt")]
public sealed class SetExemptFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";

    [Parameter("bool", "exempt", 2)]
    public bool Exempt { get; set; }
}

[Function("isVerified", "bool")]
public sealed class IsVerifiedFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";
}

[Event("InvestorRegistered")]
public sealed class InvestorRegisteredEvent : IEventDTO
{
    [Parameter("address", "account", 1, true)]
    public string Account { get; set; } = "";

    [Parameter("uint16", "country", 2, false)]
    public ushort Country { get; set; }

    [Parameter("uint64", "kycExpiry", 3, false)]
    public ulong KycExpiry { get; set; }
}
