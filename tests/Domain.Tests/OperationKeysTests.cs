using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;

namespace TokenPlatform.Domain.Tests;

/// <summary>
/// The operation keys are stored on outbox rows: a key that changed form would no longer find the rows
/// written before it (an asset's stream, a distribution's steps, a wallet's permit). Each form is pinned here.
/// </summary>
public sealed class OperationKeysTests
{
    private static readonly Guid Id = Guid.Parse("0190f3c4-1111-7000-8000-000000000001");
    private static readonly AssetId Asset = new(Guid.Parse("0190f3c4-2222-7000-8000-000000000002"));
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_765_000_000_123);

    [Fact]
    public void Every_key_keeps_the_form_stored_rows_were_written_with()
    {
        Assert.Equal("asset:0190f3c4-2222-7000-8000-000000000002:", OperationKeys.AssetPrefix(Asset));
        Assert.Equal("asset:0190f3c4-2222-7000-8000-000000000002:create", OperationKeys.AssetCreate(Asset));
        Assert.Equal("asset:0190f3c4-2222-7000-8000-000000000002:document:0190f3c4-1111-7000-8000-000000000001", OperationKeys.AssetDocument(Asset, Id));
        Assert.Equal("asset:0190f3c4-2222-7000-8000-000000000002:offering", OperationKeys.AssetOffering(Asset));
        Assert.Equal("asset:0190f3c4-2222-7000-8000-000000000002:split", OperationKeys.AssetSplit(Asset));
        Assert.Equal("kyc:0190f3c4-1111-7000-8000-000000000001:register:1765000000", OperationKeys.KycRegister(Id, At));
        Assert.Equal("purchase:0190f3c4-1111-7000-8000-000000000001", OperationKeys.Purchase(Id));
        Assert.Equal("faucet:user-1:", OperationKeys.FaucetPrefix("user-1"));
        Assert.Equal("faucet:user-1:1765000000123", OperationKeys.Faucet("user-1", At));
        Assert.Equal("wallet:user-1:sale-allowance", OperationKeys.SaleAllowance("user-1"));
        Assert.Equal("wallet:user-1:operator-allowance", OperationKeys.OperatorAllowance("user-1"));
        Assert.Equal("wallet:user-1:operator-allowance:1765000000123", OperationKeys.OperatorAllowance("user-1", At));
        Assert.Equal("claim:user-1:", OperationKeys.ClaimPrefix("user-1"));
        Assert.Equal("claim:user-1:1765000000123", OperationKeys.Claim("user-1", At));
        Assert.Equal("fees:0190f3c4-1111-7000-8000-000000000001:commission", OperationKeys.FeeParameter(Id, "commission"));
        Assert.Equal("compliance:freeze:0190f3c4-1111-7000-8000-000000000001", OperationKeys.Compliance("freeze", Id));
        Assert.Equal("receiver:0190f3c4-2222-7000-8000-000000000002", OperationKeys.Receiver(Asset));
        Assert.Equal("receiver:0190f3c4-2222-7000-8000-000000000002:retry:2", OperationKeys.ReceiverRetry(Asset, 2));
        Assert.Equal("distribution:0190f3c4-1111-7000-8000-000000000001:", OperationKeys.DistributionPrefix(Id));
        Assert.Equal("distribution:0190f3c4-1111-7000-8000-000000000001:payout", OperationKeys.DistributionStep(Id, Distributions.DistributionSteps.Payout));
        Assert.Equal("distribution:0190f3c4-1111-7000-8000-000000000001:push:3", OperationKeys.DistributionStep(Id, Distributions.DistributionSteps.Push(3)));
        Assert.Equal("funding-authorization:0190f3c4-1111-7000-8000-000000000001:", OperationKeys.FundingAuthorizationPrefix(Id));
        Assert.Equal("funding-authorization:0190f3c4-1111-7000-8000-000000000001:set", OperationKeys.FundingAuthorizationSet(Id));
        Assert.Equal("funding-authorization:0190f3c4-1111-7000-8000-000000000001:permit", OperationKeys.FundingAuthorizationPermit(Id));
        Assert.Equal("funding-authorization:0190f3c4-1111-7000-8000-000000000001:revoke", OperationKeys.FundingAuthorizationRevoke(Id));
        Assert.Equal("funding-authorization:0190f3c4-1111-7000-8000-000000000001:revoke-permit", OperationKeys.FundingAuthorizationRevokePermit(Id));
    }

    [Fact]
    public void A_prefix_finds_exactly_its_own_keys()
    {
        Assert.StartsWith(OperationKeys.AssetPrefix(Asset), OperationKeys.AssetSplit(Asset), StringComparison.Ordinal);
        Assert.StartsWith(OperationKeys.FaucetPrefix("user-1"), OperationKeys.Faucet("user-1", At), StringComparison.Ordinal);
        Assert.DoesNotContain(OperationKeys.FaucetPrefix("user-1"), OperationKeys.Faucet("user-10", At), StringComparison.Ordinal);
        Assert.StartsWith(OperationKeys.ClaimPrefix("user-1"), OperationKeys.Claim("user-1", At), StringComparison.Ordinal);
        Assert.DoesNotContain(OperationKeys.ClaimPrefix("user-1"), OperationKeys.Claim("user-10", At), StringComparison.Ordinal);
        Assert.StartsWith(OperationKeys.DistributionPrefix(Id), OperationKeys.DistributionStep(Id, Distributions.DistributionSteps.Push(0)), StringComparison.Ordinal);
        Assert.StartsWith(OperationKeys.CompliancePrefix, OperationKeys.Compliance("pause", Id), StringComparison.Ordinal);
    }
}

/// <summary>No operation key is spelled outside <see cref="OperationKeys"/>: every enqueue and every lookup by prefix goes through it.</summary>
public sealed class OperationKeysUsageTests
{
    private static readonly System.Text.RegularExpressions.Regex KeyedCall = new(
        @"(EnqueueAsync|EnqueueAfterAsync|ListByKeyPrefixAsync)\((?<args>[^;]*?)(\bcancellationToken\b|\bct\b|CancellationToken\.None)",
        System.Text.RegularExpressions.RegexOptions.Singleline);

    // A string that starts like a key ("faucet:", $"asset:{...") or builds one from another ($"{key}:...").
    private static readonly System.Text.RegularExpressions.Regex KeyLiteral = new(@"\$?""([a-z][a-z-]*:|\{[^}]*\}:)");

    [Fact]
    public void No_source_file_spells_an_operation_key_itself()
    {
        var root = Path.Combine(DependencyRuleTests.RepositoryRoot(), "src");
        var offending = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.EndsWith("OperationKeys.cs", StringComparison.Ordinal))
            .SelectMany(f => KeyedCall.Matches(File.ReadAllText(f)).Where(m => KeyLiteral.IsMatch(m.Groups["args"].Value))
                .Select(m => $"{Path.GetRelativePath(root, f)}: {m.Value[..Math.Min(120, m.Value.Length)]}"))
            .ToList();

        Assert.Empty(offending);
    }
}
