using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Infrastructure.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Compliance;
using TokenPlatform.Infrastructure.Identity;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(configuration, options);
                services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(sqlite));
                break;
            case DatabaseProvider.Postgres:
                var postgres = configuration.GetConnectionString("Postgres")
                    ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
                services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(postgres));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use Sqlite or Postgres.");
        }

        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<IAssetRepository, AssetRepository>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<Domain.Investors.IInvestorStore, InvestorStore>();
        services.AddScoped<Domain.Revenue.IRevenueStore, RevenueStore>();
        services.AddScoped<Domain.Compliance.IAuditLog, AuditLog>();
        services.AddScoped<Domain.Distributions.IDistributionStore, DistributionStore>();
        services.AddScoped<Domain.Distributions.IEntitlementLedger, EntitlementLedger>();
        services.AddScoped<Domain.Revenue.IRevenueReceiverStore, RevenueReceiverStore>();
        services.AddScoped<Domain.Notifications.INotificationStore, NotificationStore>();
        services.AddScoped<Domain.Distributions.IDistributionPolicyStore, DistributionPolicyStore>();
        services.AddScoped<Domain.Funding.IFundingAuthorizationStore, FundingAuthorizationStore>();
        services.AddScoped<FeeScheduleRepository>();
        services.AddScoped<Domain.Fees.IFeeScheduleRepository>(sp => sp.GetRequiredService<FeeScheduleRepository>());
        services.AddScoped<Domain.Fees.IPlatformRevenue>(sp => sp.GetRequiredService<FeeScheduleRepository>());
        services.AddSingleton<IDocumentStore, LocalDocumentStore>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<AccountRegistration>();
        services.AddScoped<Domain.ApiKeys.IApiKeyStore, ApiKeyStore>();
        services.AddSingleton(TimeProvider.System);

        // Data Protection keys (cookies, custodial wallet keys, operator key file) live in the data folder.
        // They are stored unencrypted there: on a real server, protect them (certificate or KMS) - see README.
        services.AddDataProtection()
            .SetApplicationName("TokenPlatform")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetFullPath(options.DataDirectory), "keys")));
        services.AddChain(configuration);
        return services;
    }

    /// <summary>Resolves the SQLite file under the data folder and creates the folder on first run.</summary>
    internal static string SqliteConnectionString(IConfiguration configuration, DatabaseOptions options)
    {
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(dataDirectory);
        var builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Sqlite") ?? "Data Source=tokenplatform.db");
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.Combine(dataDirectory, builder.DataSource);
        }

        return builder.ToString();
    }
}
