using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Web.Setup;

internal static class MediatorSetup
{
    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        // Scoped, not the default Singleton: handlers depend on the scoped DbContext.
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(Asset)];
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
        });

        services.AddSingleton<ScopedMediator>();
        services.AddScoped<Domain.Investors.PurchaseContextLoader>();
        services.AddScoped<Domain.Revenue.RevenueAccess>();
        services.AddScoped<Domain.Distributions.DistributionPlanner>();
        services.AddScoped<Domain.Distributions.DistributionCompensation>();
        services.AddScoped<Domain.Distributions.WalletCommitments>();
        services.AddScoped<Domain.Distributions.DistributionExecutor>();
        services.AddScoped<Domain.Distributions.PayoutNotifications>();
        services.AddScoped<Domain.Fees.FeeScheduleChainSync>();
        var validatorType = typeof(IValidator<>);
        foreach (var type in typeof(Asset).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == validatorType))
            {
                services.AddSingleton(contract, type);
            }
        }

        return services;
    }
}
