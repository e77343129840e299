using Microsoft.EntityFrameworkCore;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Distributions;
using TokenPlatform.Domain.Funding;
using TokenPlatform.Domain.Revenue;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Web.Tests.Payouts;

/// <summary>
/// Revenue recorded by form is paid out automatically from the issuer's wallet under a standing
/// authorization (capped, expiring, revocable), through the payout router in one transaction
/// (Night Drive: creator 30%, producer 10%, holders 60%), on a real anvil and PostgreSQL.
/// </summary>
[Collection(PayoutChain.Name)]
public sealed class StandingAuthorizationTests(PayoutChainFactory app) : PayoutScenario(app)
{
    private const string Prefix = "SA-STMT-";

    [Fact]
    public async Task RecordedRevenue_IsPaidFromTheWallet_UpToTheCap_AndNoLongerOnceRevoked()
    {
        var asset = await App.AssetAsync("Night Drive (master)");
        var issuer = await App.UserIdAsync("issuer@demo.local");
        var issuerWallet = await App.WalletAsync(issuer);
        await FundAsync(issuer);
        await App.EventuallyAsync(async () => (await App.SendAsync(async s => await s.Send(new GetDepositAddress(issuer, asset.Id)))) is { IsSuccess: true, Value.Ready: true },
            "the asset's receiver on chain (it binds the asset to its stream on the router)");

        // Refusals in words: no cap, a cap above the maximum, an end in the past.
        var refused = await App.SendAsync(async s => await s.Send(new GrantFundingAuthorization(issuer, "", DateTimeOffset.UtcNow.AddDays(-1))));
        Assert.Equal(["Cap", "ExpiresAt"], refused.Error!.Fields.Select(f => f.Field));
        Assert.Equal("Cap", (await App.SendAsync(async s => await s.Send(new GrantFundingAuthorization(issuer, "2000000", DateTimeOffset.UtcNow.AddDays(30))))).Error!.Fields[0].Field);

        var granted = await App.SendAsync(async s => await s.Send(new GrantFundingAuthorization(issuer, "300", DateTimeOffset.UtcNow.AddDays(30))));
        Assert.True(granted.IsSuccess, granted.Error?.Message);
        await App.EventuallyAsync(async () => (await App.SendAsync(async s => await s.Send(new GetFundingAuthorizations(issuer))))[0].InForce, "the authorization in force on chain");
        var contracts = await App.ContractsAsync();
        var onChain = await AuthorizationOnChainAsync(contracts.PayoutRouter, issuerWallet);
        Assert.Equal(300_000_000, (long)onChain.Cap);
        Assert.Equal(0, (long)onChain.Spent);

        // The policy pays recorded revenue too; a form event of 200 USD is paid with nobody pressing "run".
        Assert.True((await App.SendAsync(async s => await s.Send(new SetDistributionPolicy(issuer, asset.Id, DistributionMode.OnArrival, null, FundRecordedRevenue: true)))).IsSuccess);
        try
        {
            var creator = await App.WalletAsync(await App.UserIdAsync("creator@demo.local"));
            var creatorBefore = await App.UsdBalanceAsync(creator);
            var issuerBefore = await App.UsdBalanceAsync(issuerWallet);
            var pool = await PoolAsync(asset);
            var before = (await App.SendAsync(async s => await s.Send(new ListDistributions(asset.Id)))).Select(d => d.Id).ToHashSet();
            Assert.True((await RecordAsync(issuer, asset, $"{Prefix}{Guid.NewGuid():N}", "200")).IsSuccess);
            Distribution? paid = null;
            await App.EventuallyAsync(async () =>
            {
                paid = (await App.SendAsync(async s => await s.Send(new ListDistributions(asset.Id))))
                    .FirstOrDefault(d => !before.Contains(d.Id) && d.Status == DistributionStatus.Completed);
                return paid is not null;
            }, "the automatic distribution of the recorded revenue");

            var d = await DistributionAsync(paid!.Id);
            Assert.Equal(200_000_000, d.Gross.MinorUnits);
            Assert.Equal(0, d.FromDeposits.MinorUnits);
            Assert.Equal(DistributionExecutor.PlatformFunder, d.FunderUserId);
            Assert.Equal(granted.Value.Id, d.AuthorizationId);
            // One transaction did it all: the router's payout is the run's only money step.
            var steps = await App.StepsAsync(d.Id);
            Assert.Equal(ExecutePayoutOnChain.KindName, Assert.Single(steps, o => o.IdempotencyKey == OperationKeys.DistributionStep(d.Id, DistributionSteps.Payout)).Kind);
            Assert.Equal(creatorBefore + Line(d, creator), await App.UsdBalanceAsync(creator));
            // The issuer pays the gross and, holding the unsold fractions, gets their share pushed back when auto-paid.
            var issuerLine = d.Lines.Where(l => l.Kind == DistributionLineKind.Holder && EthAddress.Comparer.Equals(l.Address, issuerWallet)).Sum(l => l.Amount.MinorUnits);
            var autoPaid = (await App.SendAsync(async s => await s.Send(new Domain.Wallets.GetMyWallet(issuer)))).Value.PayoutPreference == Domain.Wallets.PayoutPreference.AutoPay;
            Assert.Equal(issuerBefore - 200_000_000 + (autoPaid ? issuerLine : 0), await App.UsdBalanceAsync(issuerWallet));
            Assert.Equal(pool.Funded + d.HoldersShare, (await PoolAsync(asset)).Funded);
            Assert.Equal(200_000_000, (long)(await AuthorizationOnChainAsync(contracts.PayoutRouter, issuerWallet)).Spent);
            var used = (await App.SendAsync(async s => await s.Send(new GetFundingAuthorizations(issuer))))[0];
            Assert.Equal(200_000_000, used.UsedMinorUnits);
            Assert.Equal(100_000_000, used.RemainingMinorUnits);

            // 150 USD more is above what is left (100): it waits, nothing is drawn.
            Assert.True((await RecordAsync(issuer, asset, $"{Prefix}{Guid.NewGuid():N}", "150")).IsSuccess);
            for (var i = 0; i < 4; i++)
            {
                await App.PumpOnceAsync();
            }

            Assert.DoesNotContain(await App.SendAsync(async s => await s.Send(new ListDistributions(asset.Id))), x => !before.Contains(x.Id) && x.Id != d.Id);

            // Revoked: at once off chain, then on chain (cap 0, allowance 0).
            var revoked = await App.SendAsync(async s => await s.Send(new RevokeFundingAuthorization(issuer)));
            Assert.Equal(FundingAuthorizationStatus.Revoked, revoked.Value.Status);
            Assert.Equal("authorization.none", (await App.SendAsync(async s => await s.Send(new RevokeFundingAuthorization(issuer)))).Error!.Code);
            await App.EventuallyAsync(async () => (await AuthorizationOnChainAsync(contracts.PayoutRouter, issuerWallet)).Cap == 0, "the revocation on chain");
            await App.EventuallyAsync(async () => await App.Chain.Web3.Eth.GetContractQueryHandler<AllowanceFunction>()
                .QueryAsync<System.Numerics.BigInteger>(contracts.TestUsd, new AllowanceFunction { Owner = issuerWallet, Spender = contracts.PayoutRouter }) == 0, "the router's allowance taken away");

            // Revoked means no new draw, even for revenue the old cap would still cover (50 of the 100 left).
            Assert.True((await RecordAsync(issuer, asset, $"{Prefix}{Guid.NewGuid():N}", "50")).IsSuccess);
            for (var i = 0; i < 4; i++)
            {
                await App.PumpOnceAsync();
            }

            Assert.DoesNotContain(await App.SendAsync(async s => await s.Send(new ListDistributions(asset.Id))), x => !before.Contains(x.Id) && x.Id != d.Id);

            // Signed again at once: its permit and signature reach the chain after the revocation's (nonce order),
            // so the router holds the new cap and the allowance, and the 50 USD waiting is paid (150 still waits).
            var again = await App.SendAsync(async s => await s.Send(new GrantFundingAuthorization(issuer, "100", DateTimeOffset.UtcNow.AddDays(7))));
            Assert.True(again.IsSuccess, again.Error?.Message);
            Distribution? second = null;
            await App.EventuallyAsync(async () =>
            {
                second = (await App.SendAsync(async s => await s.Send(new ListDistributions(asset.Id))))
                    .FirstOrDefault(x => !before.Contains(x.Id) && x.Id != d.Id && x.Status == DistributionStatus.Completed);
                return second is not null;
            }, "the automatic distribution under the new authorization");
            Assert.Equal(50_000_000, second!.Gross.MinorUnits);
            var renewed = await AuthorizationOnChainAsync(contracts.PayoutRouter, issuerWallet);
            Assert.Equal((100_000_000L, 50_000_000L), ((long)renewed.Cap, (long)renewed.Spent));
            Assert.Equal(50_000_000, (long)await App.Chain.Web3.Eth.GetContractQueryHandler<AllowanceFunction>()
                .QueryAsync<System.Numerics.BigInteger>(contracts.TestUsd, new AllowanceFunction { Owner = issuerWallet, Spender = contracts.PayoutRouter }));

            // A daily policy with the last run minutes ago: 20 USD the authorization covers is not due yet.
            Assert.True((await App.SendAsync(async s => await s.Send(new SetDistributionPolicy(issuer, asset.Id, DistributionMode.Daily, null, FundRecordedRevenue: true)))).IsSuccess);
            Assert.True((await RecordAsync(issuer, asset, $"{Prefix}{Guid.NewGuid():N}", "20")).IsSuccess);
            Assert.Equal(0, await App.SendAsync(async s => await s.Send(new RunDueDistributions())));
            Assert.True((await App.SendAsync(async s => await s.Send(new RevokeFundingAuthorization(issuer)))).IsSuccess);
        }
        finally
        {
            Assert.True((await App.SendAsync(async s => await s.Send(new SetDistributionPolicy(issuer, asset.Id, DistributionMode.Manual, null)))).IsSuccess);
            // The waiting event would otherwise join another test's manual run of this asset.
            foreach (var e in await App.WithDbAsync(db => db.Set<RevenueEvent>().AsNoTracking()
                .Where(e => e.AssetId == asset.Id && e.DistributionId == null && e.ExternalReference.StartsWith(Prefix)).ToListAsync()))
            {
                await App.SendAsync(async s => await s.Send(new VoidRevenue(issuer, asset.Id, e.Id, "test clean-up")));
            }
        }
    }

    private async Task<AuthorizationOutput> AuthorizationOnChainAsync(string router, string funder) =>
        await App.Chain.Web3.Eth.GetContractQueryHandler<AuthorizationOfFunction>().QueryDeserializingToObjectAsync<AuthorizationOutput>(new AuthorizationOfFunction { Funder = funder }, router);
}
