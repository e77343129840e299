using System.Text.Json.Serialization;
using MudBlazor.Services;
using TokenPlatform.Infrastructure;
using TokenPlatform.Web.Api;
using TokenPlatform.Web.Components;
using TokenPlatform.Web.Components.Account;
using TokenPlatform.Web.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformSettings();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddPlatformIdentity(builder.Configuration);
builder.Services.AddUseCases();
builder.Services.AddScoped<DemoAssets>();
builder.Services.AddPlatformHealth();
if (builder.Configuration.GetValue("Chain:Mode", "Managed") != "Disabled")
{
    builder.Services.AddHostedService<ChainSyncWorker>();
}
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
// Malformed requests raise BadHttpRequestException in every environment, so they get problem details too.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    // Generated (reflection-free) contracts first; everything else falls back to reflection.
    o.SerializerOptions.TypeInfoResolverChain.Insert(0, TokenPlatform.Web.Api.RevenueJsonContext.Default);
});

var app = builder.Build();

if (CommandLineVerbs.IsVerb(args))
{
    return await CommandLineVerbs.RunAsync(app, args);
}

await app.InitializeDatabaseAsync();

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    // Pages re-execute /Error; the API answers with problem details (the handler sees the /api path).
    ExceptionHandlingPath = "/Error",
    CreateScopeForErrors = true,
    StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

// Bodyless error statuses: RFC 7807 problem details on the API, the not-found page in the browser.
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapPlatformHealth();
app.MapApiV1();
app.MapAccountEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("TokenPlatform is ready at {Urls} ({Environment})", string.Join(", ", app.Urls), app.Environment.EnvironmentName));
await app.RunAsync();
return 0;

/// <summary>Entry point; public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;
