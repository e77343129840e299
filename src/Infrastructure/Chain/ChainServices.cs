using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Wallets;
using TokenPlatform.Infrastructure.Chain.Indexing;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Wallets;

namespace TokenPlatform.Infrastructure.Chain;

public static class ChainServices
{
    /// <summary>Chain access, the outbox (writer, processor, worker), the indexer, the reconciler and custodial wallets.</summary>
    public static IServiceCollection AddChain(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ChainOptions.Section).Get<ChainOptions>() ?? new ChainOptions();
        if (options.Mode == ChainMode.Managed)
        {
            options.RpcUrl = $"http://127.0.0.1:{options.AnvilPort}";
        }

        services.AddSingleton(options);
        services.AddSingleton(sp => OperatorKey.Load(options, sp.GetRequiredService<IDataProtectionProvider>(), Path.GetFullPath(sp.GetRequiredService<DatabaseOptions>().DataDirectory)));
        services.AddSingleton<ChainClient>();
        services.AddSingleton<ContractAddressesProvider>();
        services.AddSingleton<ReconciliationState>();
        services.AddScoped<ChainDeployer>();
        services.AddScoped<OutboxProcessor>();
        services.AddScoped<IChainOutbox, ChainOutbox>();
        services.AddScoped<IChainMonitor, ChainMonitor>();
        services.AddSingleton<Domain.Investors.ITestFaucet, TestFaucet>();
        services.AddScoped<IChainHealthReader, ChainHealthReader>();
        if (options.Mode == ChainMode.Disabled)
        {
            services.AddSingleton<NoChainReader>();
            services.AddSingleton<Domain.Assets.IAssetChainReader>(sp => sp.GetRequiredService<NoChainReader>());
            services.AddSingleton<Domain.Investors.IInvestorChainReader>(sp => sp.GetRequiredService<NoChainReader>());
            services.AddSingleton<Domain.Distributions.IPayoutChainReader>(sp => sp.GetRequiredService<NoChainReader>());
            services.AddSingleton<Domain.Fees.ITreasuryReader>(sp => sp.GetRequiredService<NoChainReader>());
            services.AddSingleton<Domain.Revenue.IDepositAddressReader>(sp => sp.GetRequiredService<NoChainReader>());
            services.AddSingleton<Domain.Funding.IFundingAuthorizationChainReader, NoFundingAuthorizationChainReader>();
        }
        else
        {
            services.AddScoped<AssetChainReader>();
            services.AddScoped<Domain.Assets.IAssetChainReader>(sp => sp.GetRequiredService<AssetChainReader>());
            services.AddScoped<Domain.Investors.IInvestorChainReader>(sp => sp.GetRequiredService<AssetChainReader>());
            services.AddScoped<Domain.Distributions.IPayoutChainReader>(sp => sp.GetRequiredService<AssetChainReader>());
            services.AddScoped<Domain.Fees.ITreasuryReader>(sp => sp.GetRequiredService<AssetChainReader>());
            services.AddScoped<Domain.Revenue.IDepositAddressReader>(sp => sp.GetRequiredService<AssetChainReader>());
            services.AddScoped<Domain.Funding.IFundingAuthorizationChainReader, FundingAuthorizationChainReader>();
        }

        services.AddScoped<Domain.Investors.IHoldingsReader, HoldingsReader>();
        services.AddScoped<Domain.Distributions.IHoldingsHistory, HoldingsHistory>();
        services.AddScoped<IWalletService, WalletService>();
        services.AddScoped<WalletService>();
        services.AddScoped<EventIndexer>();
        services.AddScoped<DepositIndexer>();
        services.AddScoped<Reconciler>();
        services.AddSingleton<IChainOperationHandler, RegisterInvestorHandler>();
        services.AddSingleton<IChainOperationHandler, MintTestStablecoinHandler>();
        services.AddSingleton<IChainOperationHandler, CreateAssetHandler>();
        services.AddSingleton<IChainOperationHandler, AnchorDocumentHandler>();
        services.AddSingleton<IChainOperationHandler, OpenOfferingHandler>();
        services.AddSingleton<IChainOperationHandler, CreateRoyaltyStreamHandler>();
        services.AddSingleton<IChainOperationHandler, AllowSaleSpendingHandler>();
        services.AddSingleton<IChainOperationHandler, BuyFractionsHandler>();
        services.AddSingleton<IChainOperationHandler, AllowOperatorSpendingHandler>();
        services.AddSingleton<IChainOperationHandler, PullFundsHandler>();
        services.AddSingleton<IChainOperationHandler, AllowRouterSpendingHandler>();
        services.AddSingleton<IChainOperationHandler, SetFundingAuthorizationHandler>();
        services.AddSingleton<IChainOperationHandler, ExecutePayoutHandler>();
        services.AddSingleton<IChainOperationHandler, AssignToStreamHandler>();
        services.AddSingleton<IChainOperationHandler, DistributeStreamHandler>();
        services.AddSingleton<IChainOperationHandler, FundHoldersHandler>();
        services.AddSingleton<IChainOperationHandler, WithdrawPayeesHandler>();
        services.AddSingleton<IChainOperationHandler, CreateRevenueReceiverHandler>();
        services.AddSingleton<IChainOperationHandler, ReleaseDepositHandler>();
        services.AddSingleton<IChainOperationHandler, PushPayoutsHandler>();
        services.AddSingleton<IChainOperationHandler, ClaimPayoutsHandler>();
        services.AddSingleton<IChainOperationHandler, SetFeeParameterHandler>();
        services.AddSingleton<IChainOperationHandler, SetAssetPausedHandler>();
        services.AddSingleton<IChainOperationHandler, SetFrozenHandler>();
        services.AddSingleton<IChainOperationHandler, ForcedTransferHandler>();
        if (options.Mode != ChainMode.Disabled)
        {
            // Order matters: the chain host starts (and deploys) before the workers poll.
            services.AddSingleton<ChainHost>();
            services.AddHostedService(sp => sp.GetRequiredService<ChainHost>());
            services.AddHostedService<OutboxWorker>();
            services.AddHostedService<IndexerWorker>();
        }

        return services;
    }
}
